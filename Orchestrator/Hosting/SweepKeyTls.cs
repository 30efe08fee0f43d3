using Orleans.Connections.Security;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Mutual TLS for a home: both sides present the home's certificate and accept nothing else.</summary>
internal static class SweepKeyTls
{
    public static void Configure(TlsOptions options, System.Security.Cryptography.X509Certificates.X509Certificate2 key)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Pinned: a self-signed certificate has no chain to trust, so chain errors are expected and the bytes decide.
        options.RemoteCertificateValidation = (certificate, _, _) => SweepKey.IsSameCertificate(key, certificate);
    }
}
