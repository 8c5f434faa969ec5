import type { AppErrorShape, TlsCertificateInfo } from '@shared/contract';

/** The server certificate a TLS_ERROR carries when the server's CA is unknown. */
export function certificateFromError(e: AppErrorShape | undefined): TlsCertificateInfo | undefined {
  if (!e || e.code !== 'TLS_ERROR' || e.data?.tlsCertificate !== true) return undefined;
  const d = e.data;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const fingerprint256 = str('fingerprint256');
  if (!/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(fingerprint256)) return undefined;
  return {
    host: str('host'),
    port: typeof d.port === 'number' ? d.port : Number(d.port),
    subject: str('subject'),
    issuer: str('issuer'),
    validFrom: str('validFrom'),
    validTo: str('validTo'),
    fingerprint256,
    subjectAltNames: str('subjectAltNames'),
    selfSigned: d.selfSigned === true,
  };
}
