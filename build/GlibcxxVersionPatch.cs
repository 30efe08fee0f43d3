// Compiled twice: as the MSBuild inline task in build/Sweep.Torch.targets (patches build outputs) and,
// with SWEEP_NO_MSBUILD, into Sweep.Trainer (first-run patch of a tool install, and the tests).
// It must stay netstandard2.0-clean: the inline task is compiled against MSBuild's reference set.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
#if !SWEEP_NO_MSBUILD
using Microsoft.Build.Framework;
#endif

namespace Sweep.Build;

/// <summary>
/// Marks the <c>GLIBCXX_3.4.N</c> (N ≥ 32) version needs of an ELF64 little-endian shared object as
/// <c>VER_FLG_WEAK</c>. TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13 and requires
/// GLIBCXX_3.4.32 for one never-called marker symbol; Debian 12 ships 3.4.30, and glibc's loader only
/// tolerates a missing version when the need is weak. Idempotent: an already-weak entry is left alone.
/// </summary>
public sealed class GlibcxxVersionPatch
#if !SWEEP_NO_MSBUILD
    : Microsoft.Build.Utilities.Task
#endif
{
    public const int DefaultMinMinor = 32;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;
    private const string Prefix = "GLIBCXX_3.4.";

    /// <summary>Every version need: the library it is from, the version name, the file offset of its
    /// <c>vna_flags</c>, and the flags.</summary>
    public static List<(string File, string Version, int FlagsOffset, ushort Flags)> Scan(byte[] elf)
    {
        try
        {
            return ScanUnchecked(elf);
        }
        catch (Exception e) when (e is IndexOutOfRangeException || e is ArgumentException || e is OverflowException)
        {
            throw new InvalidDataException("truncated or malformed ELF file", e);
        }
    }

    private static List<(string File, string Version, int FlagsOffset, ushort Flags)> ScanUnchecked(byte[] elf)
    {
        if (elf.Length < 0x40 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only ELF64 little-endian is supported");
        var shoff = checked((int)U64(elf, 0x28));
        var shentsize = U16(elf, 0x3A);
        var shnum = U16(elf, 0x3C);
        var needs = new List<(string, string, int, ushort)>();
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + i * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            var offset = checked((int)U64(elf, sh + 0x18));
            var strtab = checked((int)U64(elf, shoff + (int)U32(elf, sh + 0x28) * shentsize + 0x18));
            var count = U32(elf, sh + 0x2C);
            var vn = offset;
            for (var n = 0; n < count; n++)
            {
                var file = CString(elf, strtab + (int)U32(elf, vn + 4));
                var va = vn + (int)U32(elf, vn + 8);
                for (var a = 0; a < U16(elf, vn + 2); a++)
                {
                    needs.Add((file, CString(elf, strtab + (int)U32(elf, va + 8)), va + 4, U16(elf, va + 4)));
                    var next = U32(elf, va + 12);
                    if (next == 0) break;
                    va += (int)next;
                }
                var vnNext = U32(elf, vn + 12);
                if (vnNext == 0) break;
                vn += (int)vnNext;
            }
        }
        return needs;
    }

    /// <summary>True when <paramref name="version"/> is <c>GLIBCXX_3.4.N</c> with N ≥ <paramref name="minMinor"/>.</summary>
    public static bool IsTooNew(string version, int minMinor = DefaultMinMinor) =>
        version.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(version.Substring(Prefix.Length), out var minor) && minor >= minMinor;

    /// <summary>Weakens the too-new needs in place and returns them as <c>file:version</c>; empty when
    /// nothing had to change, in which case the file is not written. Only the flag bytes are written and
    /// the modification time is kept, so the SDK's skip-unchanged copy does not undo the patch.</summary>
    public static List<string> Weaken(string path, int minMinor = DefaultMinMinor)
    {
        var elf = File.ReadAllBytes(path);
        var changed = new List<string>();
        var offsets = new List<(int Offset, ushort Flags)>();
        foreach (var need in Scan(elf))
        {
            if (!IsTooNew(need.Version, minMinor) || (need.Flags & VerFlgWeak) != 0) continue;
            offsets.Add((need.FlagsOffset, (ushort)(need.Flags | VerFlgWeak)));
            changed.Add(need.File + ":" + need.Version);
        }
        if (offsets.Count == 0) return changed;
        var mtime = File.GetLastWriteTimeUtc(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            foreach (var (offset, flags) in offsets)
            {
                stream.Position = offset;
                stream.WriteByte((byte)flags);
                stream.WriteByte((byte)(flags >> 8));
            }
        }
        File.SetLastWriteTimeUtc(path, mtime);
        return changed;
    }

    private static ushort U16(byte[] b, int o) => (ushort)(b[o] | b[o + 1] << 8);
    private static uint U32(byte[] b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
    private static ulong U64(byte[] b, int o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

    private static string CString(byte[] b, int o)
    {
        var end = Array.IndexOf(b, (byte)0, o);
        if (end < 0) throw new InvalidDataException("unterminated string in ELF string table");
        return Encoding.ASCII.GetString(b, o, end - o);
    }

#if !SWEEP_NO_MSBUILD
    /// <summary>The shared objects to patch; missing ones are skipped.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            if (!File.Exists(path)) continue;
            try
            {
                var weakened = Weaken(path);
                if (weakened.Count > 0)
                    Log.LogMessage(MessageImportance.High, "{0}: weakened {1}", path, string.Join(", ", weakened));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                Log.LogError("cannot patch {0}: {1}", path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }
#endif
}
