import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// Enough of MCP's Streamable HTTP for Orbit's health check (initialize, then ping), stateless, in busybox sh: a
// request gets a JSON answer with its own id (initialize echoes the client's protocol version), a notification 200.
// The CGI writes its header lines with CRLF: busybox passes them on as written, and Node's HTTP parser wants CRLF.
const SCRIPT = `#!/bin/sh
body=$(head -c "\${CONTENT_LENGTH:-0}")
id=$(echo "$body" | sed -n 's/.*"id"[[:space:]]*:[[:space:]]*\\([0-9][0-9]*\\).*/\\1/p')
printf 'Content-Type: application/json\\r\\n\\r\\n'
[ -z "$id" ] && exit 0
case "$body" in
  *'"initialize"'*)
    version=$(echo "$body" | sed -n 's/.*"protocolVersion"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/\\1/p')
    result="{\\"protocolVersion\\":\\"$version\\",\\"capabilities\\":{},\\"serverInfo\\":{\\"name\\":\\"busybox-mcp\\",\\"version\\":\\"1.0.0\\"}}";;
  *) result="{}";;
esac
echo "{\\"jsonrpc\\":\\"2.0\\",\\"id\\":$id,\\"result\\":$result}"
`;

/**
 * A folder for busybox `httpd -h <folder>` that serves a minimal MCP server at /cgi-bin/mcp: a real MCP endpoint a
 * container on the tests' busybox image can run, so a container can back a registered server.
 */
export async function writeBusyboxMcpSite(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "orbit-mcp-site-"));
  await mkdir(path.join(dir, "cgi-bin"));
  const script = path.join(dir, "cgi-bin", "mcp");
  await writeFile(script, SCRIPT);
  await chmod(script, 0o755);
  await chmod(dir, 0o755);
  await chmod(path.join(dir, "cgi-bin"), 0o755);
  return dir;
}
