using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>
/// Seeded studies recorded with Optuna 3.1 (golden/make_golden.py) replayed through the real <see cref="Study"/>:
/// every ask must propose Optuna's parameters, and the same tells, reports, prunes and failures follow.
/// </summary>
public sealed class GoldenStudyTests
{
    public static TheoryData<string> Studies() => [.. Golden.Get("studies").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Studies))]
    public void Suggestions_match_optuna_3_1(string name)
    {
        var g = Golden.Get("studies").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        var seed = g.GetProperty("seed").GetInt32();
        ISampler sampler = g.GetProperty("sampler").GetString() == "random"
            ? new RandomSampler(seed)
            : new TpeSampler(new TpeOptions
            {
                Seed = seed,
                ConstantLiar = g.TryGetProperty("constant_liar", out var cl) && cl.GetBoolean(),
                Multivariate = g.TryGetProperty("multivariate", out var mv) && mv.GetBoolean(),
            });
        var direction = g.GetProperty("direction").GetString() == "maximize" ? StudyDirection.Maximize : StudyDirection.Minimize;
        var study = new Study(Golden.Space(g.GetProperty("space")), direction, sampler);
        foreach (var e in g.GetProperty("events").EnumerateArray())
        {
            var number = e.GetProperty("trial").GetInt32();
            switch (e.GetProperty("op").GetString())
            {
                case "ask":
                    var t = study.Ask();
                    Assert.Equal(number, t.Number);
                    foreach (var p in e.GetProperty("params").EnumerateObject())
                        Golden.Close(p.Value.GetDouble(), t.Params[p.Name], 1e-9, $"{name} trial {number} {p.Name}");
                    break;
                case "tell":
                    study.Tell(number, e.GetProperty("value").GetDouble());
                    break;
                case "fail":
                    study.TellFailed(number, "golden");
                    break;
                case "prune":
                    foreach (var r in e.GetProperty("reports").EnumerateArray())
                    {
                        var v = r[1].ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : r[1].GetDouble();
                        study.Report(number, r[0].GetInt32(), v);
                    }
                    study.TellPruned(number);
                    break;
            }
        }
    }
}
