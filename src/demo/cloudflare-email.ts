/** Encodes an address the way Cloudflare's e-mail obfuscation does (hex, XOR with a key byte), for the demo shop. */
export function encodeCloudflareEmail(address: string, key = 0x5a): string {
  const bytes = [key, ...Buffer.from(address, 'utf8').map((byte) => byte ^ key)];
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
