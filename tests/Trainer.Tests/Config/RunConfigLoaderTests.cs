using Sweep.Contracts.Config;
using Sweep.Trainer.Config;

namespace Sweep.Trainer.Tests.Config;

public sealed class RunConfigLoaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string[] Errors(Action load) => Assert.Throws<ConfigException>(load).Errors.Select(e => e.ToString()).ToArray();

    [Fact]
    public void Defaults_are_the_small_budget_ones()
    {
        var c = RunConfigLoader.Load(null, []);
        Assert.Equal(TrainingMethod.Dvs, c.Method);
        Assert.Equal(5e-3, c.Lr);
        Assert.Equal(0.3, c.Threshold);
        Assert.Equal(1.0, c.Dataset.TrainFraction);
        Assert.Equal(0.01, c.WeightDecay);
        Assert.Equal(42, c.Seed);
        Assert.Equal(new KtSettings(3.0, 0.5, true), c.Kt);
        Assert.Equal(42, c.Dataset.Seed);   // dataset.seed 0 falls back to seed
        Assert.Equal(Path.Combine("runs/train", "checkpoints"), c.CheckpointDir);
        Assert.Equal(RunConfig.Default.Hash, c.Hash);
    }

    [Fact]
    public void Nested_maps_and_dotted_keys_are_the_same_config()
    {
        var nested = _files.Write("a.yaml", "method: tmkt\ntmkt:\n  mixRatio: 0.4\n  mixSchedule: ramp\ndataset: { kind: cepdvs, frameSize: 64 }\n");
        var dotted = _files.Write("b.yaml", "method: tmkt\ntmkt.mixRatio: 0.4\ntmkt.mixSchedule: RAMP\ndataset.kind: cepdvs\ndataset.frameSize: 64\n");
        var a = RunConfigLoader.Load(nested, []);
        var b = RunConfigLoader.Load(dotted, []);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(new TmktSettings(0.4, MixSchedule.Ramp, 0.1, 0.1), a.Tmkt);
        Assert.Equal("cepdvs", b.Dataset.Kind);
        Assert.Equal(64, b.Dataset.FrameSize);
        Assert.NotEqual(RunConfig.Default.Hash, a.Hash);
    }

    [Fact]
    public void Later_sources_win_file_then_sweep_params_then_sets_in_order()
    {
        var path = _files.Write("run.yaml", "lr: 0.002\nepochs: 5\nkt.str: on\n");
        var c = RunConfigLoader.Load(path, ["epochs=7", "kt.str=off", "epochs=9"], """{"lr": 0.004, "epochs": 6, "tmkt": {"mixRatio": "0.3"}}""");
        Assert.Equal(0.004, c.Lr);
        Assert.Equal(9, c.Epochs);
        Assert.False(c.Kt.Str);
        Assert.Equal(0.3, c.Tmkt.MixRatio);
    }

    [Fact]
    public void Aliases_and_relative_paths_resolve()
    {
        var path = _files.Write("run.yaml", "dataset: { trainPortion: 0.5, root: data/ev }\nckd.teacher: /abs/teacher\n");
        var c = RunConfigLoader.Load(path, ["dataset.rgbRoot=rel/rgb"]);
        Assert.Equal(0.5, c.Dataset.TrainFraction);
        Assert.Equal(Path.Combine(_files.Root, "data/ev"), c.Dataset.Root);
        Assert.Equal("rel/rgb", c.Dataset.RgbRoot);   // --set paths stay relative to the working directory
        Assert.Equal("/abs/teacher", c.Ckd.Teacher);
    }

    [Fact]
    public void Provenance_is_kept_and_ignored_by_the_hash()
    {
        var path = _files.Write("best.yaml", "provenance:\n  sweepId: s-12\n  trial: 7\n  metric: val/top1\n  value: 0.81\nlr: 0.002\n");
        var c = RunConfigLoader.Load(path, []);
        Assert.Equal(["metric", "sweepId", "trial", "value"], c.Provenance.Keys);
        Assert.Equal("7", c.Provenance["trial"]);
        Assert.Equal(RunConfigLoader.Load(null, ["lr=0.002"]).Hash, c.Hash);
    }

    [Fact]
    public void Resumable_keys_do_not_change_the_hash_but_run_keys_do()
    {
        var h = RunConfig.Default.Hash;
        Assert.Equal(h, RunConfigLoader.Load(null, ["device=cpu", "threads=1", "outDir=/tmp/x", "maxSteps=5", "reportEvery=2"]).Hash);
        Assert.NotEqual(h, RunConfigLoader.Load(null, ["timeSteps=6"]).Hash);
    }

    [Fact]
    public void Unknown_keys_name_the_key_and_suggest()
    {
        var path = _files.Write("run.yaml", "lr: 0.001\ntmkt:\n  mixRatoi: 0.4\n");
        Assert.Equal(
            [
                $"{path}:3:3: tmkt.mixRatoi: unknown key; did you mean 'tmkt.mixRatio'?",
                "SWEEP_PARAMS: mixRatio: unknown key; did you mean 'tmkt.mixRatio'?",
                "--set: learningRate: unknown key",
            ],
            Errors(() => RunConfigLoader.Load(path, ["learningRate=1"], """{"mixRatio": 0.2}""")));
    }

    [Fact]
    public void Bad_values_say_what_was_expected_with_file_positions()
    {
        var path = _files.Write("run.yaml", "tmkt.mixRatio: abc\nepochs: 0\nmethod: tmtk\nkt.str: maybe\nlr: -1\ndataset.kind: [a, b]\nseed:\n");
        Assert.Equal(
            [
                $"{path}:1:16: tmkt.mixRatio: expected a number between 0 and 1 (got 'abc')",
                $"{path}:2:9: epochs: expected an integer >= 1 (got '0')",
                $"{path}:3:9: method: expected one of dvs, kt, tmkt, ckd, ann (got 'tmtk')",
                $"{path}:4:9: kt.str: expected true, false, on or off (got 'maybe')",
                $"{path}:5:5: lr: expected a number > 0 (got '-1')",
                $"{path}:6:15: dataset.kind: expected one of synthetic, ncaltech101, cepdvs, nomniglot (got a list)",
                $"{path}:7:6: seed: has no value; remove the key or give it one",
                "--set: tmkt.mixRatio: expected a number between 0 and 1 (got '1.5')",
                "--set: timeSteps: expected an integer between 1 and 64 (got '2.5')",
                "--set: expected key=value (got 'lr')",
            ],
            Errors(() => RunConfigLoader.Load(path, ["tmkt.mixRatio=1.5", "timeSteps=2.5", "lr"])));
    }

    [Fact]
    public void Duplicate_keys_report_both_positions_even_across_nesting()
    {
        var path = _files.Write("run.yaml", "lr: 0.001\nkt:\n  pow: 2\nkt.pow: 3\nlr: 0.002\n");
        Assert.Equal(
            [$"{path}:4:1: kt.pow: is given twice (first at 3:3)", $"{path}:5:1: lr: is given twice (first at 1:1)"],
            Errors(() => RunConfigLoader.Load(path, [])));
    }

    [Fact]
    public void Missing_file_syntax_errors_and_bad_sweep_params()
    {
        var missing = Path.Combine(_files.Root, "nope.yaml");
        Assert.Equal([$"{missing}: config file not found"], Errors(() => RunConfigLoader.Load(missing, [])));
        var broken = _files.Write("broken.yaml", "lr: [0.1\n");
        Assert.StartsWith($"{broken}:2:1: YAML syntax error", Assert.Single(Errors(() => RunConfigLoader.Load(broken, []))));
        var list = _files.Write("list.yaml", "- lr\n");
        Assert.Equal([$"{list}:1:1: a run config must be a map of keys to values"], Errors(() => RunConfigLoader.Load(list, [])));
        Assert.Equal(["SWEEP_PARAMS: must be a JSON object of parameters (got a JSON array)"], Errors(() => RunConfigLoader.Load(null, [], "[1]")));
        Assert.StartsWith("SWEEP_PARAMS: is not valid JSON: ", Assert.Single(Errors(() => RunConfigLoader.Load(null, [], "{lr"))));
    }

    [Fact]
    public void Rules_between_keys_are_checked_after_every_source()
    {
        Assert.Equal(
            ["config: ckd.switchEnd: must be >= ckd.switchStart (got switchStart=0.6, switchEnd=0.4)"],
            Errors(() => RunConfigLoader.Load(null, ["ckd.switchStart=0.6", "ckd.switchEnd=0.4"])));
        Assert.Equal(
            ["config: model: method ann needs model ann-resnet18 or ann-cnn (got 'scnn')"],
            Errors(() => RunConfigLoader.Load(null, ["method=ann"])));
        Assert.Equal(ModelKind.AnnResnet18, RunConfigLoader.Load(null, ["method=ann", "model=ann-resnet18"]).Model);
        Assert.Equal(
            ["config: dataset.evalSplit: test needs dataset.testFraction above 0 (no test split is kept back; e.g. --set dataset.testFraction=0.5)"],
            Errors(() => RunConfigLoader.Load(null, ["dataset.evalSplit=test"])));
        Assert.Equal("test", RunConfigLoader.Load(null, ["dataset.evalSplit=test", "dataset.testFraction=0.5"]).Get<string>("dataset.evalSplit"));
    }

    [Fact]
    public void Written_configs_load_back_to_the_same_hash()
    {
        var c = RunConfigLoader.Load(_files.Write("best.yaml", "provenance: { sweepId: s1, trial: 3 }\nmethod: ckd\nckd.teacher: t/x\nlr: 0.0025\n"), ["minLr=1e-6"]);
        foreach (var (name, text) in new[] { ("c.json", RunConfigWriter.ToJson(c)), ("c.yaml", RunConfigWriter.ToYaml(c)) })
        {
            var again = RunConfigLoader.Load(_files.Write(name, text), []);
            Assert.Equal(c.Hash, again.Hash);
            Assert.Equal(c.Provenance, again.Provenance);
        }
        Assert.Contains("\"minLr\": 1E-06,", RunConfigWriter.ToJson(c));
    }

    [Fact]
    public void Every_registered_default_parses_back_through_its_own_key()
    {
        foreach (var key in ConfigKeys.All)
        {
            var value = ConfigValueParser.Parse(key, ConfigValueParser.Format(key.Default), null, out var error);
            Assert.True(error is null, $"{key.Name}: {error}");
            Assert.Equal(key.Default, value);
        }
    }

    [Fact]
    public void Augmentation_keys_reach_the_dataset_options()
    {
        var defaults = Sweep.Trainer.Methods.RunDataset.Options(RunConfig.Default);
        Assert.True(defaults.RandomCrop);
        Assert.False(defaults.DvsAugment);
        var set = Sweep.Trainer.Methods.RunDataset.Options(RunConfigLoader.Load(null, ["dataset.randomCrop=off", "dataset.augment=on"]));
        Assert.False(set.RandomCrop);
        Assert.True(set.DvsAugment);
    }

    [Fact]
    public void Tmkt_loss_keys_choose_the_head_losses()
    {
        static (Sweep.Trainer.Losses.MagLossKind, Sweep.Trainer.Losses.MrpLossKind) Heads(params string[] set)
        {
            var objective = new Sweep.Trainer.Methods.TmktObjective(RunConfigLoader.Load(null, ["method=tmkt", .. set]), 8);
            var modules = objective.ExtraModules.ToList();
            return (modules.OfType<Sweep.Trainer.Losses.MagHead>().Single().Kind, modules.OfType<Sweep.Trainer.Losses.MrpHead>().Single().Kind);
        }
        Assert.Equal((Sweep.Trainer.Losses.MagLossKind.CrossEntropy, Sweep.Trainer.Losses.MrpLossKind.Mse), Heads());
        Assert.Equal((Sweep.Trainer.Losses.MagLossKind.Binary, Sweep.Trainer.Losses.MrpLossKind.SoftBinary), Heads("tmkt.magLoss=binary", "tmkt.mrpLoss=soft-binary"));
    }
}
