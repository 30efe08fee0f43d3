using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The key that proves a process belongs: a self-signed certificate (ECDSA P-256) with its private key, created on
/// first use, readable by the owner only: <c>HOME/home-key.pfx</c> for a home's silo, the cluster key
/// (<c>~/.config/sweep/cluster-key.pfx</c>) for a cluster. Silos and clients use it for mutual TLS and accept exactly
/// this certificate on the other side, so a process that cannot read the file is refused at connect, whatever it
/// knows of the ports.
/// </summary>
public static class SweepKey
{
    /// <exception cref="UsageException">The key file exists but cannot be read or is not a key.</exception>
    public static X509Certificate2 LoadOrCreate(SweepHome home) =>
        LoadOrCreate(home.KeyFile, $"only the user who owns {home.Path} may drive its silo");

    /// <param name="path">The key file; made (with its folder, owner-only) when missing.</param>
    /// <param name="unreadable">What to say when the file exists but this user cannot read it.</param>
    /// <exception cref="UsageException">The key file exists but cannot be read or is not a key.</exception>
    public static X509Certificate2 LoadOrCreate(string path, string unreadable)
    {
        if (!File.Exists(path))
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
                Directory.CreateDirectory(folder, SweepHome.OwnerOnlyFolder);
            Create(path);
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12(File.ReadAllBytes(path), password: null);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {unreadable}");
        }
        catch (CryptographicException e)
        {
            throw new UsageException($"{path} is not a Sweep key ({e.Message}); remove it and restart the silo to make a new one");
        }
    }

    /// <summary>True when the peer presented exactly the expected certificate.</summary>
    public static bool IsSameCertificate(X509Certificate2 expected, X509Certificate2? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(expected.RawData, presented.RawData);

    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=sweep-home", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(tmp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = SweepHome.OwnerOnly }))
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        // Two processes may make a key at once (silos started together): the first link wins and both use its key.
        // link(2) fails atomically on an existing name; File.Move(overwrite: false) checks first and then renames,
        // so each process could install its own key and the two would refuse each other.
        var linked = Link(tmp, path) == 0;
        var error = Marshal.GetLastPInvokeError();
        File.Delete(tmp);
        if (!linked && error != Eexist) throw new IOException($"cannot create the key file {path} (errno {error})");
    }

    private const int Eexist = 17;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
