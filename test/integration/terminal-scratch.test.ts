import { afterAll, beforeAll, it } from 'vitest';
import Docker from 'dockerode';
import { docker, loadLab, uniqueName } from './support/lab';
import { startTerminalBackend } from './support/terminal-backend';
import { viewSession } from './support/terminal-session';
import { connectWs } from './support/ws-client';

let backend: Awaited<ReturnType<typeof startTerminalBackend>>;
let name = '';
const lab = loadLab();
const CMD = "sh -c 'yes | dd bs=50000 count=200 iflag=fullblock 2>/dev/null'; echo D$((2+2))D\r";
beforeAll(async () => {
  backend = await startTerminalBackend();
  name = uniqueName('it-term-scratch');
  await docker(lab.engineA.socketPath, 'run', '-d', '--label', 'dockhand.test=1', '--name', name, lab.image, 'sleep', '600');
});
afterAll(async () => {
  await backend.stop();
  await docker(lab.engineA.socketPath, 'rm', '-f', name);
});
async function raw() {
  const d = new Docker({ socketPath: lab.engineA.socketPath });
  const exec = await d.getContainer(name).exec({ Cmd: ['/bin/sh'], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true });
  const sock = await exec.start({ hijack: true, stdin: true, Tty: true });
  await new Promise((r) => setTimeout(r, 500));
  let n = 0;
  let tail = '';
  const t0 = Date.now();
  await new Promise<void>((resolve) => {
    sock.on('data', (b: Buffer) => {
      n += b.length;
      tail = (tail + b.toString('latin1')).slice(-20);
      if (tail.includes('D4D')) resolve();
    });
    sock.write(CMD);
  });
  sock.destroy();
  console.log('raw MB/s', (n / 1e6 / ((Date.now() - t0) / 1000)).toFixed(1));
}
it('scratch', { timeout: 300_000 }, async () => {
  const { api, socket } = await connectWs(backend.server.port, backend.server.token);
  const hostId = (await api.hosts.list({}))[0]!.id;
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < 2; i++) {
    await raw();
    const info = await api.exec.open({ hostId, containerId: name, cols: 80, rows: 24 });
    let n = 0; let tail = ''; let viewer = 0; let resolve!: () => void; let events = 0;
    const done = new Promise<void>((r) => (resolve = r));
    api.exec.output({ sessionId: info.id }, { onEvent(ev) {
      if (ev.type === 'attached') viewer = ev.viewerId;
      if (ev.type === 'data') { n += ev.bytes.length; events++;
        tail = (tail + Buffer.from(ev.bytes).toString('latin1')).slice(-20);
        void api.exec.ack({ sessionId: info.id, viewerId: viewer, bytes: ev.bytes.length });
        if (tail.includes('D4D')) resolve(); }
    } });
    await new Promise((r) => setTimeout(r, 500));
    const t = Date.now(); n = 0; events = 0;
    await api.exec.input({ sessionId: info.id, data: CMD });
    await done;
    console.log('ws MB/s', (n / 1e6 / ((Date.now() - t) / 1000)).toFixed(1), events);
    await api.exec.close({ sessionId: info.id });
  }
  socket.close();
});
