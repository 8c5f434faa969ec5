import { docker } from './lab';

/**
 * A container (labelled berthmaster.test=1) serving "run <start time>" on port 8080 and
 * publishing nothing: reachable only through a forward, and each run of it answers differently.
 */
export async function runQuietWeb(socketPath: string, image: string, name: string): Promise<void> {
  await docker(
    socketPath,
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'berthmaster.test=1',
    image,
    'sh',
    '-c',
    'mkdir -p /www && echo "run $(date +%s%N)" > /www/index.html && exec httpd -f -p 8080 -h /www',
  );
}
