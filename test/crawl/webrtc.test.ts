import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { crawlShop } from '../../src/crawl/index.js';
import { useCrawlTestBed } from './crawl-env.js';
import { page } from './fixture-server.js';
import { target, testOptions } from './options.js';

// The guard proxy sees TCP only. A rendered page must not reach any address over UDP through WebRTC:
// not a STUN or TURN server of its choosing, not a peer's candidate (connectivity checks).

const { env, serve } = useCrawlTestBed();
let listener: Socket | null = null;
afterEach(() => {
  listener?.close();
  listener = null;
});

/** A page that gathers ICE candidates through a STUN and a TURN server and checks a peer at `port`. */
function webrtcPage(port: number): string {
  return page(
    '<p>Bel 020 794 5632</p>',
    `<script>
      const servers = [{ urls: 'stun:127.0.0.1:${port}' },
        { urls: 'turn:127.0.0.1:${port}?transport=udp', username: 'u', credential: 'p' }];
      const local = new RTCPeerConnection({ iceServers: servers });
      const remote = new RTCPeerConnection();
      local.createDataChannel('probe');
      (async () => {
        await local.setLocalDescription(await local.createOffer());
        await remote.setRemoteDescription(local.localDescription);
        await remote.setLocalDescription(await remote.createAnswer());
        await local.setRemoteDescription(remote.localDescription);
        // The peer says it is at the listener: connectivity checks would go there.
        await local.addIceCandidate({ candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 ${port} typ host', sdpMid: '0' });
        fetch('/negotiated');
      })().catch((error) => fetch('/failed?' + encodeURIComponent(String(error))));
    </script>`,
  );
}

it('sends no UDP from a rendered page through WebRTC, to a STUN/TURN server or a peer', async () => {
  const datagrams: string[] = [];
  listener = createSocket('udp4');
  listener.on('message', (message, from) =>
    datagrams.push(`${from.address}:${from.port} ${message.length} bytes`),
  );
  await new Promise<void>((resolve) => listener?.bind(0, '127.0.0.1', resolve));
  const port = (listener.address() as AddressInfo).port;
  const site = await serve({ '/': webrtcPage(port) });
  const result = await crawlShop(
    target(site.url('/')),
    testOptions({ mode: 'browser', maxPages: 1, mobilePass: false, pageTimeoutMs: 4000 }),
    env(),
  );
  expect(result.status).toBe('ok');
  // The page did get as far as asking for the connection (the test is not passing by default).
  expect(site.count('/negotiated')).toBe(1);
  // Gathering starts at once; give packets time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(datagrams).toEqual([]);
}, 60_000);
