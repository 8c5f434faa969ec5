import { test } from '@playwright/test';
import { record, ms, median } from '../support/results';
import { addHost, endpoints } from '../support/hosts';
import { connect, startServer, type BenchServer } from '../support/server';

const CALLS = 100;
let server: BenchServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test('ssh: 100 sequential list calls over SSH vs over TLS', async () => {
  const { api, close } = await connect(server);
  const ssh = await addHost(api, 'bench-ssh-b', endpoints.sshB());
  const tls = await addHost(api, 'bench-tls-b', endpoints.tlsB());
  // Connect both (first call pays the handshake), then time the steady state.
  await api.containers.list({ hostId: ssh, all: true });
  await api.containers.list({ hostId: tls, all: true });
  const timeCalls = async (hostId: string) => {
    const each: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) {
      const s = performance.now();
      await api.containers.list({ hostId, all: true });
      each.push(performance.now() - s);
    }
    return { total: performance.now() - t0, each };
  };
  // Alternate halves so both links see the same machine load.
  const a1 = await timeCalls(tls);
  const b1 = await timeCalls(ssh);
  close();
  const ratio = b1.total / a1.total;
  record({
    name: 'ssh',
    ratio,
    figures: `${CALLS} calls: SSH ${ms(b1.total)} (median ${ms(median(b1.each))}) vs TLS ${ms(a1.total)} (median ${ms(median(a1.each))})`,
    checks: [
      {
        label: `${CALLS} sequential containers.list, SSH vs TLS`,
        target: '<= 1.1x',
        berthmaster: `SSH ${ms(b1.total)}`,
        reference: `TLS ${ms(a1.total)}`,
        ratio,
        met: ratio <= 1.1,
      },
    ],
  });
});
