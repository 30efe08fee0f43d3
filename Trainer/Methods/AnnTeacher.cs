using Sweep.Trainer.Config;
using Sweep.Trainer.Models;
using Sweep.Trainer.Training.Checkpoints;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// CKD's frozen ANN teacher (methods.md §4.2): the weights an <c>ann</c> run saved, read from <c>ckd.teacher</c>
/// (a checkpoints root, one checkpoint folder, or a <c>model.bin</c>), in eval mode with gradients off. The
/// architecture is the teacher run's <c>model</c> (from its meta.json; ann-resnet18 for a bare model.bin). Every
/// problem is a <see cref="ConfigException"/> naming <c>ckd.teacher</c>.
/// </summary>
public static class AnnTeacher
{
    private const string Key = "ckd.teacher";

    public static nn.Module<Tensor, Tensor> Load(RunConfig config, int classes, int frameSize)
    {
        var path = config.Ckd.Teacher;
        if (string.IsNullOrWhiteSpace(path)) throw Error(RunConfigLoader.AnnTeacherMissing);
        var values = Metadata(path)?.RunValues;
        if (values?.GetValueOrDefault("method") is { } method && method != "ann")
            throw Error($"'{path}' is a checkpoint of method {method}, not of an ann teacher");
        var model = values?.GetValueOrDefault("model") ?? "ann-resnet18";
        var kind = Enum.Parse<ModelKind>(model.Replace("-", ""), ignoreCase: true);
        var teacher = AnnModels.Create(kind, classes, frameSize);
        try
        {
            CheckpointStore.LoadModel(path, teacher);
        }
        catch (FileNotFoundException)
        {
            teacher.Dispose();
            throw Error($"no ANN checkpoint at '{path}'");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            // Module.load reports a wrong class count or frame size (stem) as a shape or name mismatch.
            teacher.Dispose();
            throw Error($"'{path}' does not fit an {model} for {classes} classes at {frameSize} px: {e.Message}");
        }
        teacher.eval();
        foreach (var p in teacher.parameters()) p.requires_grad = false;
        return teacher;
    }

    /// <summary>The teacher run's metadata where the path leads to one (a bare model.bin has none).</summary>
    private static CheckpointMetadata? Metadata(string path)
    {
        if (File.Exists(Path.Combine(path, CheckpointStore.MetadataFile))) return CheckpointStore.ReadMetadata(path);
        return Directory.Exists(path) ? new CheckpointStore(path).Latest() : null;
    }

    private static ConfigException Error(string message) => new([new ConfigError("config", null, null, Key, message)]);
}
