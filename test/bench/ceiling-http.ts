// Ceiling: a bare node:http server answering every request with a fixed page of a given size.
import http from "node:http";

const [bytes, port] = process.argv.slice(2).map(Number);
const page = Buffer.from(`<!DOCTYPE html><html><body>${"x".repeat(Math.max(0, bytes! - 40))}</body></html>`);
http
  .createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
    response.end(page);
  })
  .listen(port, "127.0.0.1");
