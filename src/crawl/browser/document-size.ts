import type { CDPSession } from 'playwright';

/**
 * Counts the bytes of a tab's main document as they arrive (decoded, as the browser reads them)
 * and stops loading the page the moment they pass the limit: an https page travels through the
 * guard proxy's tunnel unread, and a page of any size or content type would otherwise be parsed
 * and rendered whole before its size could be checked.
 */
export interface DocumentSizeWatch {
  /** Starts counting the next navigation's document against `maxBytes`. */
  start(maxBytes: number): void;
  /** Whether the document being loaded passed the limit (and loading was stopped). */
  readonly exceeded: boolean;
  /** Resolves when the document being loaded passes the limit (never, if it does not). */
  whenExceeded(): Promise<void>;
  /** Settles once the watch listens (before the tab's first navigation). */
  readonly ready: Promise<void>;
}

interface ResponseEvent {
  requestId: string;
  type?: string;
  frameId?: string;
}
interface DataEvent {
  requestId: string;
  dataLength: number;
}

export function watchDocumentSize(session: Promise<CDPSession>): DocumentSizeWatch {
  let limit = Number.POSITIVE_INFINITY;
  let exceeded = false;
  let mainFrame: string | null = null;
  const documents = new Map<string, number>();
  let onExceeded: (() => void) | null = null;
  const ready = session
    .then(async (cdp) => {
      const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      mainFrame = tree.frameTree.frame.id;
      cdp.on('Network.responseReceived', (event: ResponseEvent) => {
        if (event.type === 'Document' && event.frameId === mainFrame) documents.set(event.requestId, 0);
      });
      cdp.on('Network.dataReceived', (event: DataEvent) => {
        const sofar = documents.get(event.requestId);
        if (sofar === undefined) return;
        const bytes = sofar + event.dataLength;
        documents.set(event.requestId, bytes);
        if (bytes > limit && !exceeded) {
          exceeded = true;
          onExceeded?.();
          cdp.send('Page.stopLoading').catch(() => {});
        }
      });
      await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
    })
    .catch(() => {});
  return {
    start(maxBytes) {
      limit = maxBytes;
      exceeded = false;
      onExceeded = null;
      documents.clear();
    },
    whenExceeded() {
      if (exceeded) return Promise.resolve();
      return new Promise((resolve) => {
        onExceeded = resolve;
      });
    },
    get exceeded() {
      return exceeded;
    },
    ready,
  };
}
