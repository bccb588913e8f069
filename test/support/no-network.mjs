// Preloaded with `node --import` (it runs in every worker thread too): any network access is
// refused and written down in $NIANBAO_NETWORK_LOG, so a test can prove that nothing downloads.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const log = process.env.NIANBAO_NETWORK_LOG;
const refuse = (what) =>
  function refused() {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access attempted: ${what}`);
  };
net.Socket.prototype.connect = refuse('net.Socket.connect');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request');
https.request = refuse('https.request');
globalThis.fetch = refuse('fetch');
