import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/main/services/stacks/load-project';

const load = (composeYaml: string, envText: string, environment: Record<string, string | undefined>) =>
  loadProject({ composeYaml, envText, projectName: 'demo', workingDir: '/srv/demo', environment });

const file = `services:
  web:
    image: busybox
    environment:
      PORT: \${PORT}
      MODE: \${MODE:-dev}
      TAG: \${TAG}
`;

describe('interpolation from the process environment (as docker compose takes the shell)', () => {
  it('wins over .env, and each value says where it came from', () => {
    const r = load(file, 'PORT=8080\nMODE=prod\nTAG=v1\n', { PORT: '9090', HOME: '/home/me' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const seen = Object.fromEntries(r.variables.map((v) => [v.name, [v.value, v.source]]));
    expect(seen).toEqual({
      PORT: ['9090', 'environment'],
      MODE: ['prod', 'env-file'],
      TAG: ['v1', 'env-file'],
    });
    expect(r.project?.services[0]?.environment).toEqual({ PORT: '9090', MODE: 'prod', TAG: 'v1' });
  });

  it('reads only the variables the file references: nothing else reaches the project', () => {
    const r = load(file, 'TAG=v1\n', { AWS_SECRET_ACCESS_KEY: 'leak-me', PORT: '1' });
    expect(JSON.stringify(r.project)).not.toContain('leak-me');
    expect(r.resolvedYaml).not.toContain('leak-me');
    expect(r.variables.map((v) => v.name).sort()).toEqual(['MODE', 'PORT', 'TAG']);
  });

  it('an empty value set in the environment still wins (":-" then falls back to its default)', () => {
    const r = load(file, 'PORT=8080\nMODE=prod\n', { PORT: '', MODE: '' });
    const seen = Object.fromEntries(r.variables.map((v) => [v.name, [v.value, v.source]]));
    expect(seen.PORT).toEqual(['', 'environment']);
    expect(r.project?.services[0]?.environment.MODE).toBe('dev');
  });

  it('does not take COMPOSE_PROFILES from the environment (the file does not reference it)', () => {
    const withProfile = `services:
  web: {image: busybox}
  tools: {image: busybox, profiles: [debug]}
`;
    const r = load(withProfile, '', { COMPOSE_PROFILES: 'debug' });
    expect(r.project?.services.map((s) => s.name)).toEqual(['web']);
    const viaDotenv = load(withProfile, 'COMPOSE_PROFILES=debug\n', {});
    expect(viaDotenv.project?.services.map((s) => s.name).sort()).toEqual(['tools', 'web']);
  });
});
