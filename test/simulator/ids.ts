import { randomBytes } from 'node:crypto';

/**
 * Trello ids are MongoDB ObjectIds: 8 hex digits of creation time in seconds, then
 * 16 more hex digits (docs/trello-reference.md §3 "Ids", §2 "Common fields"). Consumers sort and date actions
 * by them, so the simulator keeps the time prefix real.
 */
export type IdFactory = {
  objectId(): string;
  hex(bytes: number): string;
  shortLink(): string;
};

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const SHORT_LINK = /^[0-9A-Za-z]{8}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value);
}

/** Cards and boards are also addressable by their 8-character shortLink, as on trello.com. */
export function isShortLink(value: string): boolean {
  return SHORT_LINK.test(value);
}

export function createIdFactory(now: () => number = Date.now): IdFactory {
  // One random "machine" part per simulator plus a counter keeps ids unique and
  // strictly increasing within a second, so insertion order equals id order.
  const machine = randomBytes(5).toString('hex');
  let counter = randomBytes(2).readUInt16BE(0);
  return {
    objectId() {
      const seconds = Math.floor(now() / 1000).toString(16).padStart(8, '0');
      counter = (counter + 1) % 0x1000000;
      return seconds + machine + counter.toString(16).padStart(6, '0');
    },
    hex(bytes) {
      return randomBytes(bytes).toString('hex');
    },
    shortLink() {
      return Array.from(randomBytes(8), (byte) => BASE62[byte % 62]).join('');
    },
  };
}
