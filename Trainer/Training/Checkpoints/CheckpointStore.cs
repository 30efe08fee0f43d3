using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Trainer.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Training.Checkpoints;

/// <summary>
/// Per-epoch checkpoints under one folder: <c>epoch-000007/</c> holding <c>model.bin</c> (<c>Module.save</c>),
/// <c>optimizer.bin</c> (<c>Optimizer.save_state_dict</c>) and <c>meta.json</c>. Each is written into a
/// <c>.tmp-…</c> folder and renamed into place, so a kill mid-write leaves only a temp folder, which readers ignore
/// and the next save removes. After a save only the newest and the best epoch are kept.
/// </summary>
public sealed class CheckpointStore(string directory)
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string MetadataFile = "meta.json";
    private const string Prefix = "epoch-";
    private const string TempPrefix = ".tmp-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Writes the checkpoint for <paramref name="meta"/>.Epoch atomically and prunes; returns its folder.</summary>
    public string Save(nn.Module model, OptimizerHelper? optimizer, CheckpointMetadata meta)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var stale in System.IO.Directory.EnumerateDirectories(Directory, TempPrefix + "*")) TryDelete(stale);
        var final = Path.Combine(Directory, Name(meta.Epoch));
        var temp = Path.Combine(Directory, $"{TempPrefix}{Name(meta.Epoch)}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temp);
        model.save(Path.Combine(temp, ModelFile));
        optimizer?.save_state_dict(Path.Combine(temp, OptimizerFile));
        // meta.json last: a folder with it is complete even where a rename is not atomic.
        File.WriteAllText(Path.Combine(temp, MetadataFile), JsonSerializer.Serialize(meta with { HasOptimizerState = optimizer is not null }, Json));
        if (System.IO.Directory.Exists(final)) System.IO.Directory.Delete(final, recursive: true);   // a re-run of an epoch after a resume
        System.IO.Directory.Move(temp, final);
        foreach (var (epoch, path) in Complete())
            if (epoch != meta.Epoch && epoch != meta.BestEpoch) TryDelete(path);
        return final;
    }

    /// <summary>Metadata of the newest complete checkpoint, or null when there is none.</summary>
    public CheckpointMetadata? Latest() => Complete().LastOrDefault() is { Path: { } path } ? ReadMetadata(path) : null;

    /// <summary>Folder of the newest complete checkpoint, or null.</summary>
    public string? LatestPath => Complete().LastOrDefault().Path;

    /// <summary>Folder of the best epoch's checkpoint (as the newest one records it), or null.</summary>
    public string? BestPath => Latest() is { BestEpoch: { } best } && System.IO.Directory.Exists(Path.Combine(Directory, Name(best)))
        ? Path.Combine(Directory, Name(best)) : null;

    /// <summary>Loads the newest checkpoint into <paramref name="model"/> (and <paramref name="optimizer"/>) and returns its metadata.</summary>
    public CheckpointMetadata Restore(nn.Module model, OptimizerHelper? optimizer)
    {
        var path = LatestPath ?? throw new FileNotFoundException($"no checkpoint in {Directory}");
        var meta = ReadMetadata(path);
        model.load(Path.Combine(path, ModelFile));
        if (optimizer is not null && meta.HasOptimizerState) optimizer.load_state_dict(Path.Combine(path, OptimizerFile));
        return meta;
    }

    /// <summary>
    /// Loads model weights from a checkpoint folder, a checkpoints root (its best epoch, else its newest) or a
    /// <c>model.bin</c> file: how <c>ckd.teacher</c> is read.
    /// </summary>
    public static void LoadModel(string path, nn.Module model)
    {
        if (File.Exists(path)) model.load(path);
        else if (File.Exists(Path.Combine(path, ModelFile))) model.load(Path.Combine(path, ModelFile));
        else if (new CheckpointStore(path) is var store && (store.BestPath ?? store.LatestPath) is { } folder) model.load(Path.Combine(folder, ModelFile));
        else throw new FileNotFoundException($"no model checkpoint at '{path}'");
    }

    /// <summary>
    /// Throws when <paramref name="config"/> would compute a different run than the checkpoint's. A key the checkpoint
    /// does not name (one added by a later version) is no change while it keeps its default: a new key's default is
    /// the behaviour from before it existed.
    /// </summary>
    public static void EnsureCompatible(CheckpointMetadata meta, RunConfig config)
    {
        if (meta.ConfigHash == config.Hash) return;
        var now = config.RunAffectingValues();
        var defaults = RunConfig.Default.RunAffectingValues();
        var changed = now.Keys.Union(meta.RunValues.Keys).Order(StringComparer.Ordinal)
            .Where(k => now.GetValueOrDefault(k) != meta.RunValues.GetValueOrDefault(k))
            .Where(k => meta.RunValues.ContainsKey(k) || now.GetValueOrDefault(k) != defaults.GetValueOrDefault(k))
            .Select(k => $"{k}: checkpoint {meta.RunValues.GetValueOrDefault(k) ?? "(absent)"}, now {now.GetValueOrDefault(k) ?? "(absent)"}")
            .ToList();
        if (changed.Count == 0) return;
        throw new CheckpointMismatchException(
            $"cannot resume: the config changes the run ({string.Join("; ", changed)}); start a new outDir or restore those keys");
    }

    /// <summary>The CPU generator's state as base64, for <see cref="CheckpointMetadata.TorchRngState"/>.</summary>
    public static string CaptureTorchRng()
    {
        using var state = torch.random.get_rng_state();
        return Convert.ToBase64String(state.data<byte>().ToArray());
    }

    public static void RestoreTorchRng(string base64)
    {
        using var state = torch.tensor(Convert.FromBase64String(base64), ScalarType.Byte);
        torch.random.set_rng_state(state);
    }

    /// <summary>The <c>meta.json</c> of one checkpoint folder.</summary>
    public static CheckpointMetadata ReadMetadata(string folder) =>
        JsonSerializer.Deserialize<CheckpointMetadata>(File.ReadAllText(Path.Combine(folder, MetadataFile)), Json)
        ?? throw new InvalidDataException($"{Path.Combine(folder, MetadataFile)} is empty");

    private IEnumerable<(int Epoch, string Path)> Complete() =>
        !System.IO.Directory.Exists(Directory) ? [] :
        System.IO.Directory.EnumerateDirectories(Directory, Prefix + "*")
            .Select(p => (Ok: int.TryParse(Path.GetFileName(p).AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var e), Epoch: e, Path: p))
            .Where(c => c.Ok && File.Exists(Path.Combine(c.Path, MetadataFile)))
            .OrderBy(c => c.Epoch)
            .Select(c => (c.Epoch, c.Path));

    private static string Name(int epoch) => $"{Prefix}{epoch:D6}";

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Another process (a concurrent reader) may hold it; the next save tries again.
        }
    }
}
