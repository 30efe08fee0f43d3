namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// <c>ckd.teacher: auto</c> in a real sweep: two CKD trials start at once, one trains the ANN teacher into
/// HOME/teachers/ under its lock while the other waits, and both train against the same teacher.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SharedTeacherTests : SweepCliTest
{
    private const string Spec = """
        apiVersion: sweep/v1
        name: ckd-auto
        metric: { name: val_top1, goal: maximize }
        sampler: { type: random, seed: 3 }
        budget: { maxTrials: 2, parallelTrials: 2 }
        parameters:
          ckd.kdWeight: { type: float, low: 0.5, high: 2.0 }
        trial:
          method: ckd
          ckd.teacher: auto
          ckd.teacherModel: ann-cnn
          ckd.teacherEpochs: 1
          model: scnn
          dataset: { kind: synthetic, classes: 2, samplesPerClass: 8, frameSize: 16 }
          timeSteps: 2
          batchSize: 4
          epochs: 1
          threads: 1
        """;

    [Fact]
    public async Task Two_ckd_trials_at_once_train_one_teacher_and_both_use_it()
    {
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--home", Cli.Home, "--id", "ckd", "--cpu-slots", "2");
        Assert.True(code == 0, err);
        var trials = await Cli.Trials("ckd");
        Assert.All(trials, t => Assert.True(t!["state"]!.GetValue<string>() == "complete", $"trial {t["number"]}: {t["error"]}"));

        var teacher = Assert.Single(Directory.GetDirectories(Path.Combine(Cli.Home, "teachers")));
        Assert.StartsWith("synthetic-16px-seed3-", Path.GetFileName(teacher));   // the trials run on the sweep's seed (sampler.seed)
        Assert.True(File.Exists(Path.Combine(teacher, "complete")));
        var logs = Enumerable.Range(0, 2).Select(n => File.ReadAllText(Path.Combine(Cli.Home, "trials", "ckd", $"{n}", "stderr.log"))).ToList();
        Assert.Equal(1, logs.Sum(l => CountOf(l, "training teacher ann-cnn (1 epochs) for ckd.teacher: auto")));
        // The other trial waited for the lock or found the teacher done; both name the same folder.
        Assert.Single(logs, l => l.Contains("using the shared teacher in " + teacher, StringComparison.Ordinal));
        Assert.All(logs, l => Assert.Contains(teacher, l));
        var checkpoints = Directory.GetFiles(Path.Combine(teacher, "checkpoints"), "meta.json", SearchOption.AllDirectories);
        Assert.NotEmpty(checkpoints);   // one teacher run: its epoch-1 checkpoint
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
