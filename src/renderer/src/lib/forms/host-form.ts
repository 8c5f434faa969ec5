import type { EndpointKind, HostPolicy, HostView, TlsTrust } from '@shared/contract';
import type { Contract } from '@shared/contract';
import type { Api } from '@shared/rpc/client';

/** What hosts.add takes: the form builds it. */
export type HostAddInput = Parameters<Api<Contract>['hosts']['add']>[0];

export type EndpointInput = HostAddInput['endpoint'];

/** Everything the host form holds, as typed (strings, so nothing is lost on error). */
export interface FormState {
  name: string;
  color: string;
  kind: EndpointKind;
  socketPath: string;
  /** The user confirms the socket is this computer's own engine (registry logins go without asking). */
  localEngine: boolean;
  /** Shared by TCP, TLS and SSH so switching kind keeps it. */
  host: string;
  tcpPort: string;
  tlsPort: string;
  sshPort: string;
  /** How the TLS server is verified: by CA, by pinned fingerprint, or (explicitly) not at all. */
  tlsTrust: TlsTrust;
  ca: string;
  /** SHA-256 fingerprint of the pinned server certificate. */
  pin: string;
  cert: string;
  key: string;
  user: string;
  privateKey: string;
  privateKeyPath: string;
  passphrase: string;
  useAgent: boolean;
  policy: HostPolicy;
  production: boolean;
  /** Comma-separated, e.g. "staging, eu" */
  labels: string;
  /** Comma-separated host paths where "restricted" allows bind mounts, e.g. "/srv/data". */
  allowedBindPaths: string;
}

export type FieldName = keyof FormState;
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The form's state and setters, as its field groups receive them. */
export interface FormBinding {
  idPrefix: string;
  form: FormState;
  set<K extends FieldName>(field: K, value: FormState[K]): void;
  errors: FieldErrors;
}

export const fieldId = (prefix: string, field: FieldName) => `${prefix}-${field}`;

/** The text fields of the form (the others are choices and checkboxes). */
type TextName = { [K in FieldName]: FormState[K] extends string ? K : never }[FieldName];

/** A text field's id, value, change handler and error, bound to the form. */
export function bindField({ idPrefix, form, set, errors }: FormBinding, field: TextName) {
  return {
    id: fieldId(idPrefix, field),
    value: form[field],
    onChange: (v: string) => set(field, v),
    error: errors[field],
  };
}

/** Which secrets the stored host already has (the renderer never sees them). */
export interface StoredSecrets {
  kind: EndpointKind;
  hasKey: boolean;
  hasPrivateKey: boolean;
  hasPassphrase: boolean;
}

export const HOST_COLORS: { value: string; name: string }[] = [
  { value: '#3b82f6', name: 'Blue' },
  { value: '#10b981', name: 'Green' },
  { value: '#f59e0b', name: 'Amber' },
  { value: '#ef4444', name: 'Red' },
  { value: '#8b5cf6', name: 'Violet' },
  { value: '#ec4899', name: 'Pink' },
  { value: '#14b8a6', name: 'Teal' },
  { value: '#64748b', name: 'Slate' },
];

export const DEFAULT_SOCKET_PATH = '/var/run/docker.sock';
export const DEFAULT_TCP_PORT = '2375';
export const DEFAULT_TLS_PORT = '2376';

/** The fields each kind sends; used to clear the test result when one of them changes. */
export const ENDPOINT_FIELDS: readonly FieldName[] = [
  'kind',
  'socketPath',
  'localEngine',
  'host',
  'tcpPort',
  'tlsPort',
  'sshPort',
  'tlsTrust',
  'ca',
  'pin',
  'cert',
  'key',
  'user',
  'privateKey',
  'privateKeyPath',
  'passphrase',
  'useAgent',
];

export function emptyForm(existingColors: string[]): FormState {
  const used = new Set(existingColors.map((c) => c.toLowerCase()));
  const color = (HOST_COLORS.find((c) => !used.has(c.value)) ?? HOST_COLORS[0])?.value ?? '#3b82f6';
  return {
    name: '',
    color,
    kind: 'socket',
    socketPath: DEFAULT_SOCKET_PATH,
    localEngine: false,
    host: '',
    tcpPort: DEFAULT_TCP_PORT,
    tlsPort: DEFAULT_TLS_PORT,
    sshPort: '',
    tlsTrust: 'ca',
    ca: '',
    pin: '',
    cert: '',
    key: '',
    user: '',
    privateKey: '',
    privateKeyPath: '',
    passphrase: '',
    useAgent: false,
    policy: 'full',
    production: false,
    labels: '',
    allowedBindPaths: '',
  };
}

const LABEL_RE = /^[\w.-]{1,32}$/;

/** "dev, eu-west" → ["dev", "eu-west"]; undefined plus a message when one is not valid. */
export function parseLabels(text: string): { labels: string[]; error?: string } {
  const labels = [
    ...new Set(
      text
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const bad = labels.find((l) => !LABEL_RE.test(l));
  if (bad) return { labels, error: `"${bad}" is not a valid label: use letters, digits, . _ -` };
  if (labels.length > 16) return { labels, error: 'At most 16 labels.' };
  return { labels };
}

/** "/srv/data, /home/ci" → the list; an error when one is not absolute or is "/". */
export function parseBindPaths(text: string): { paths: string[]; error?: string } {
  const paths = [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  const bad = paths.find((p) => !p.startsWith('/'));
  if (bad) return { paths, error: `"${bad}" is not an absolute path.` };
  if (paths.some((p) => p.split('/').every((part) => part === '' || part === '.')))
    return { paths, error: '"/" would allow every path of the host.' };
  if (paths.length > 32) return { paths, error: 'At most 32 paths.' };
  return { paths };
}

export function formFromHost(host: HostView): FormState {
  const f = emptyForm([]);
  f.name = host.name;
  f.color = host.color;
  f.policy = host.policy;
  f.production = host.production;
  f.labels = host.labels.join(', ');
  f.allowedBindPaths = (host.allowedBindPaths ?? []).join(', ');
  const e = host.endpoint;
  f.kind = e.kind;
  switch (e.kind) {
    case 'socket':
      f.socketPath = e.socketPath;
      f.localEngine = e.localEngine === true;
      break;
    case 'tcp':
      f.host = e.host;
      f.tcpPort = String(e.port);
      break;
    case 'tls':
      f.host = e.host;
      f.tlsPort = String(e.port);
      f.tlsTrust = e.trust ?? 'ca';
      f.ca = e.ca ?? '';
      f.pin = e.pin ?? '';
      f.cert = e.cert;
      break;
    case 'ssh':
      f.host = e.host;
      f.sshPort = e.port !== undefined ? String(e.port) : '';
      f.user = e.user ?? '';
      f.privateKeyPath = e.privateKeyPath ?? '';
      f.useAgent = e.useAgent;
      break;
  }
  return f;
}

export function secretsOf(host: HostView | undefined): StoredSecrets | undefined {
  if (!host) return undefined;
  const e = host.endpoint;
  return {
    kind: e.kind,
    hasKey: e.kind === 'tls' && e.hasKey,
    hasPrivateKey: e.kind === 'ssh' && e.hasPrivateKey,
    hasPassphrase: e.kind === 'ssh' && e.hasPassphrase,
  };
}

const HOST_RE = /^[a-zA-Z0-9._:-]+$/;
const USER_RE = /^[a-z_][a-z0-9_.-]{0,31}$/i;
const PEM_RE = /-----BEGIN [A-Z0-9 ]+-----/;
const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
const MAX_PEM = 64 * 1024;
const FINGERPRINT_RE = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

function checkPort(raw: string, required: boolean): { port?: number; error?: string } {
  const s = raw.trim();
  if (!s) return required ? { error: 'Enter a port (1-65535).' } : {};
  if (!/^\d+$/.test(s)) return { error: 'Port must be a whole number from 1 to 65535.' };
  const n = Number(s);
  if (n < 1 || n > 65535) return { error: 'Port must be from 1 to 65535.' };
  return { port: n };
}

function checkHost(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return 'Enter a host name or address.';
  if (/^[a-z]+:\/\//i.test(s) || s.includes('/'))
    return 'Enter only the host name or address, without scheme or path.';
  if (s.length > 253) return 'Host name is too long.';
  if (!HOST_RE.test(s)) return 'A host is a name or an IP address (letters, digits, . - : _).';
  return undefined;
}

function checkPem(raw: string, what: string, required: boolean): string | undefined {
  if (!raw.trim()) return required ? `Add the ${what}: choose its file or paste it.` : undefined;
  if (raw.length > MAX_PEM) return `The ${what} is too large (over 64 KiB).`;
  if (!PEM_RE.test(raw)) return `The ${what} is not in PEM format (expected "-----BEGIN …-----").`;
  return undefined;
}

export interface BuildResult {
  errors: FieldErrors;
  endpoint?: EndpointInput;
}

/** Validates the form and builds the endpoint to send; blank secrets are omitted when stored. */
export function buildEndpoint(f: FormState, stored: StoredSecrets | undefined): BuildResult {
  const errors: FieldErrors = {};
  const sameKind = stored?.kind === f.kind;
  switch (f.kind) {
    case 'socket': {
      const p = f.socketPath.trim();
      if (!p) errors.socketPath = 'Enter the socket path.';
      else if (!(p.startsWith('/') || p.startsWith('\\\\.\\pipe\\') || p.startsWith('//./pipe/')))
        errors.socketPath = 'The socket path must be absolute, e.g. /var/run/docker.sock.';
      if (Object.keys(errors).length) return { errors };
      return {
        errors,
        endpoint: { kind: 'socket', socketPath: p, ...(f.localEngine ? { localEngine: true } : {}) },
      };
    }
    case 'tcp': {
      const hostErr = checkHost(f.host);
      if (hostErr) errors.host = hostErr;
      const port = checkPort(f.tcpPort, true);
      if (port.error) errors.tcpPort = port.error;
      if (Object.keys(errors).length || port.port === undefined) return { errors };
      return { errors, endpoint: { kind: 'tcp', host: f.host.trim(), port: port.port } };
    }
    case 'tls': {
      const hostErr = checkHost(f.host);
      if (hostErr) errors.host = hostErr;
      const port = checkPort(f.tlsPort, true);
      if (port.error) errors.tlsPort = port.error;
      const trust = f.tlsTrust;
      if (trust === 'ca') {
        const caErr = checkPem(f.ca, 'CA certificate', true);
        if (caErr) errors.ca = caErr;
      }
      const pin = f.pin.trim().toUpperCase();
      // An empty pin may be tested (the server's certificate is shown); saving needs one.
      if (trust === 'pin' && pin) {
        if (!FINGERPRINT_RE.test(pin))
          errors.pin = 'A SHA-256 fingerprint is 32 hex pairs separated by colons (AB:CD:…).';
      }
      const certErr = checkPem(f.cert, 'client certificate', true);
      if (certErr) errors.cert = certErr;
      const keyKept = sameKind && stored?.hasKey === true;
      const keyErr = checkPem(f.key, 'client key', !keyKept);
      if (keyErr) errors.key = keyErr;
      if (Object.keys(errors).length || port.port === undefined) return { errors };
      return {
        errors,
        endpoint: {
          kind: 'tls',
          host: f.host.trim(),
          port: port.port,
          trust,
          ...(trust === 'ca' ? { ca: f.ca } : {}),
          ...(trust === 'pin' ? { pin } : {}),
          cert: f.cert,
          ...(f.key.trim() ? { key: f.key } : {}),
        },
      };
    }
    case 'ssh': {
      const hostErr = checkHost(f.host);
      if (hostErr) errors.host = hostErr;
      const port = checkPort(f.sshPort, false);
      if (port.error) errors.sshPort = port.error;
      const user = f.user.trim();
      if (user && !USER_RE.test(user))
        errors.user = 'Not a valid user name (letters, digits, _ . -; up to 32).';
      const keyErr = checkPem(f.privateKey, 'private key', false);
      if (keyErr) errors.privateKey = keyErr;
      const path = f.privateKeyPath.trim();
      if (path.length > 1024) errors.privateKeyPath = 'The path is too long.';
      if (path && f.privateKey.trim())
        errors.privateKeyPath = 'Use either a key (file or pasted) or a path to a key file, not both.';
      if (f.passphrase.length > 1024) errors.passphrase = 'The passphrase is too long.';
      if (Object.keys(errors).length) return { errors };
      return {
        errors,
        endpoint: {
          kind: 'ssh',
          host: f.host.trim(),
          ...(port.port !== undefined ? { port: port.port } : {}),
          ...(user ? { user } : {}),
          ...(f.privateKey.trim() ? { privateKey: f.privateKey } : {}),
          ...(path ? { privateKeyPath: path } : {}),
          ...(f.passphrase ? { passphrase: f.passphrase } : {}),
          useAgent: f.useAgent,
        },
      };
    }
  }
}

export function validateIdentity(f: FormState): FieldErrors {
  const errors: FieldErrors = {};
  if (f.kind === 'tls' && f.tlsTrust === 'pin' && !f.pin.trim())
    errors.pin = 'Test the connection to see the server certificate, then trust it.';
  const name = f.name.trim();
  const labels = parseLabels(f.labels);
  if (labels.error) errors.labels = labels.error;
  const binds = parseBindPaths(f.allowedBindPaths);
  if (binds.error) errors.allowedBindPaths = binds.error;
  if (!name) errors.name = 'Enter a name for this host.';
  else if (name.length > 64) errors.name = 'The name is too long (64 characters at most).';
  if (!COLOR_RE.test(f.color)) errors.color = 'Colour must be #rrggbb.';
  return errors;
}

/** Field ids in display order, to focus the first invalid one. */
export const FIELD_ORDER: readonly FieldName[] = [
  'name',
  'color',
  'kind',
  'socketPath',
  'host',
  'tcpPort',
  'tlsPort',
  'sshPort',
  'user',
  'tlsTrust',
  'ca',
  'pin',
  'cert',
  'key',
  'privateKey',
  'privateKeyPath',
  'passphrase',
  'labels',
  'allowedBindPaths',
];
