import { useId } from 'react';
import type { TlsCertificateInfo } from '@shared/contract';

export interface CertificatePromptProps {
  cert: TlsCertificateInfo;
  /** Pins the fingerprint on the host being edited (and tests again). */
  onTrust(fingerprint: string): void;
  onCancel(): void;
}

/** "This server's certificate is not signed by your CA — here it is; trust it?" */
export function CertificatePrompt({ cert, onTrust, onCancel }: CertificatePromptProps) {
  const headingId = useId();
  return (
    <section className="hostkey-panel cert-panel" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="hostkey-title">
        Unknown certificate for {cert.host}:{cert.port}
      </h3>
      <p className="hostkey-question">
        The server&rsquo;s certificate is not signed by the CA you gave. Compare its fingerprint with the one
        the engine&rsquo;s administrator gives you (
        <span className="mono">openssl x509 -fingerprint -sha256</span>) before trusting it.
      </p>
      <dl className="cert-facts fact-rows">
        <div>
          <dt>Subject</dt>
          <dd className="mono">{cert.subject || '—'}</dd>
        </div>
        <div>
          <dt>Issuer</dt>
          <dd className="mono">
            {cert.issuer || '—'}
            {cert.selfSigned && <span className="muted"> (self-signed)</span>}
          </dd>
        </div>
        <div>
          <dt>Valid</dt>
          <dd>
            {cert.validFrom} – {cert.validTo}
          </dd>
        </div>
        {cert.subjectAltNames && (
          <div>
            <dt>Names</dt>
            <dd className="mono">{cert.subjectAltNames}</dd>
          </div>
        )}
        <div>
          <dt>SHA-256</dt>
          <dd className="mono hostkey-fp" aria-label="SHA-256 fingerprint">
            {cert.fingerprint256}
          </dd>
        </div>
      </dl>
      <div className="hostkey-actions">
        <button type="button" className="button button-primary" onClick={() => onTrust(cert.fingerprint256)}>
          Trust this certificate
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Don&rsquo;t trust
        </button>
      </div>
    </section>
  );
}
