using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The key that proves a process may drive a home's silo: a self-signed certificate (ECDSA P-256) with its private key,
/// created on first use in <c>HOME/home-key.pfx</c>, readable by the owner only. The silo and every client of it use
/// it for mutual TLS and accept exactly this certificate on the other side, so a process that cannot read the file
/// (another local user) is refused at connect, whatever it knows of the ports.
/// </summary>
public static class HomeKey
{
    /// <exception cref="UsageException">The key file exists but cannot be read or is not a key.</exception>
    public static X509Certificate2 LoadOrCreate(SweepHome home)
    {
        var path = home.KeyFile;
        if (!File.Exists(path)) Create(path);
        try
        {
            return X509CertificateLoader.LoadPkcs12(File.ReadAllBytes(path), password: null);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: only the user who owns {home.Path} may drive its silo");
        }
        catch (CryptographicException e)
        {
            throw new UsageException($"{path} is not a Sweep home key ({e.Message}); remove it and restart the silo to make a new one");
        }
    }

    /// <summary>True when the peer presented exactly the home's certificate.</summary>
    public static bool IsHomeCertificate(X509Certificate2 expected, X509Certificate2? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(expected.RawData, presented.RawData);

    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=sweep-home", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(tmp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = SweepHome.OwnerOnly }))
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        try
        {
            // Two processes may make a key at once: the first rename wins and both use its key.
            File.Move(tmp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(tmp);
        }
    }
}
