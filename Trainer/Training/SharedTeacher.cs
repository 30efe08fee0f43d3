using System.Globalization;
using Sweep.Contracts.Config;
using Sweep.Contracts.TrialProtocol;
using Sweep.Trainer.Config;
using Sweep.Trainer.Methods;
using Sweep.Trainer.Training.Checkpoints;
using Sweep.Trainer.Training.Control;
using TorchSharp;

namespace Sweep.Trainer.Training;

/// <summary>
/// CKD's teacher as a shared dependency (<c>ckd.teacher: auto</c>): the ANN teacher is trained once per dataset,
/// frame size and seed (and batch size, teacher model and epochs) into <c>TEACHERS/&lt;key&gt;/</c>, and every student with the
/// same key reuses it. An exclusive lock on <c>TEACHERS/&lt;key&gt;/lock</c> (flock, released when its process dies)
/// lets one process train while the others wait; a teacher run cut short resumes from its last checkpoint.
/// </summary>
public static class SharedTeacher
{
    /// <summary>Written when the teacher finished; its presence is what "trained" means.</summary>
    public const string DoneFile = "complete";

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>The teacher's config for a student: only the keys that define the teacher, so students share it.</summary>
    public static RunConfig TeacherConfig(RunConfig student, string folder)
    {
        var changes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["method"] = "ann",
            ["model"] = student.Get<string>("ckd.teacherModel"),
            ["epochs"] = student.Get<int>("ckd.teacherEpochs") is > 0 and var e ? e : student.Epochs,
            ["seed"] = student.Seed,
            ["batchSize"] = student.BatchSize,
            ["device"] = student.Device,
            ["threads"] = student.Threads,
            ["outDir"] = folder,
            ["checkpointDir"] = Path.Combine(folder, "checkpoints"),
        };
        foreach (var key in ConfigKeys.All.Where(k => k.Name.StartsWith("dataset.", StringComparison.Ordinal)))
            changes[key.Name] = student.Values[key.Name];
        return RunConfig.Default.With(changes);
    }

    /// <summary>The folder of a student's shared teacher under <paramref name="root"/>: readable, and unique per teacher config.</summary>
    public static string Folder(RunConfig student, string root)
    {
        var hash = TeacherConfig(student, "").Hash[..12];
        return Path.Combine(root, string.Create(CultureInfo.InvariantCulture,
            $"{student.Dataset.Kind}-{student.Dataset.FrameSize}px-seed{student.Seed}-{hash}"));
    }

    /// <summary>
    /// The student's config with <c>ckd.teacher</c> pointing at the shared teacher's checkpoints, training it first when
    /// no process has. Waits (cancellably) while another process trains it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The teacher could not be trained; the message says why and where its log is.</exception>
    /// <exception cref="OperationCanceledException">The run was stopped while waiting or training.</exception>
    public static RunConfig Resolve(RunConfig student, string root, string device, RunController control, TextWriter log)
    {
        var folder = Folder(student, root);
        Directory.CreateDirectory(folder);
        var checkpoints = Path.Combine(folder, "checkpoints");
        var resolved = student.With([KeyValuePair.Create("ckd.teacher", (object)checkpoints)]);
        if (File.Exists(Path.Combine(folder, DoneFile)))
        {
            log.WriteLine($"sweep train: using the shared teacher in {folder}");
            return resolved;
        }
        using var held = Lock(Path.Combine(folder, "lock"), control, log, folder);
        if (File.Exists(Path.Combine(folder, DoneFile)))
        {
            log.WriteLine($"sweep train: using the shared teacher in {folder} (trained by another run meanwhile)");
            return resolved;
        }
        Train(TeacherConfig(student, folder), folder, device, control, log);
        return resolved;
    }

    private static void Train(RunConfig teacher, string folder, string device, RunController control, TextWriter log)
    {
        var store = new CheckpointStore(teacher.CheckpointDir);
        var last = store.Latest();
        if (last is not null) CheckpointStore.EnsureCompatible(last, teacher);
        log.WriteLine($"sweep train: training teacher {teacher.Get<string>("model")} ({teacher.Epochs} epochs) for ckd.teacher: auto in {folder}" +
                      (last is null ? "" : $", resuming after epoch {last.Epoch}"));
        torch.random.manual_seed(teacher.Seed);
        if (last?.TorchRngState is { } rng) CheckpointStore.RestoreTorchRng(rng);
        var logPath = Path.Combine(folder, "train.log");
        int code;
        using (var protocolFile = new StreamWriter(Path.Combine(folder, "protocol.jsonl"), append: true) { AutoFlush = true })
        using (var teacherLog = new StreamWriter(logPath, append: true) { AutoFlush = true })
            code = TrainingRunner.Run(new TrainingSession(teacher, device, new ProtocolWriter(protocolFile), store, control, teacherLog, last), new AnnMethod());
        control.Token.ThrowIfCancellationRequested();
        if (code != Contracts.ExitCodes.Ok)
            throw new InvalidOperationException($"ckd.teacher: auto: training the shared teacher failed (exit {code}); see {logPath}");
        File.WriteAllText(Path.Combine(folder, DoneFile), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) + "\n");
        log.WriteLine($"sweep train: teacher trained in {folder}");
    }

    /// <summary>Holds an exclusive flock on <paramref name="path"/> (.NET's FileShare.None on Unix), polling until it is free.</summary>
    private static FileStream Lock(string path, RunController control, TextWriter log, string folder)
    {
        var said = false;
        while (true)
        {
            control.Token.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!said) log.WriteLine($"sweep train: waiting for another run to train the shared teacher in {folder}");
                said = true;
                control.Token.WaitHandle.WaitOne(LockPoll);
            }
        }
    }
}
