using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Grains.Tests;

/// <summary>A missing codec only fails at run time: every serializable type of the engine round-trips here.</summary>
public sealed class CodecTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static TheoryData<Type> SerializableTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var assembly in new[] { typeof(TrialInfo).Assembly, typeof(TrialState).Assembly })
            foreach (var type in assembly.GetTypes().Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null))
                data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(SerializableTypes))]
    public void Every_generated_serializer_type_has_a_codec_and_a_copier(Type type)
    {
        Assert.NotNull(Services.GetRequiredService<ICodecProvider>().GetCodec(type));
        Assert.NotNull(Services.GetRequiredService<IDeepCopierProvider>().GetDeepCopier(type));
    }

    [Fact]
    public void Records_with_the_shared_enums_round_trip_with_every_field()
    {
        var trial = new TrialInfo
        {
            SweepId = "s", Number = 3, Status = TrialState.Pruned, Params = ImmutableSortedDictionary<string, double>.Empty.Add("lr", 0.1),
            Values = [new ParamValue("lr", "0.1")], Value = 0.5, Intermediate = ImmutableSortedDictionary<int, double>.Empty.Add(2, 0.4),
            Attempt = 2, Retries = 1, Node = "n", Device = "cuda:1", Runner = "r", Error = "e", ExitCode = 143, StderrTail = ["x"],
            CreatedUtc = DateTime.UnixEpoch, StartedUtc = DateTime.UnixEpoch, FinishedUtc = DateTime.UnixEpoch,
        };
        var back = RoundTrip(trial);
        Assert.Equal((TrialState.Pruned, 0.4, "cuda:1", 143), (back.Status, back.Intermediate[2], back.Device, back.ExitCode));

        var sweep = new SweepInfo
        {
            Id = "s", Name = "n", SpecText = "t", SpecFile = "f", Status = SweepStatus.Failed, Cause = SweepRestCause.TooManyFailures,
            Goal = StudyDirection.Maximize, MetricName = "val_top1", ActiveTime = TimeSpan.FromSeconds(3),
        };
        Assert.Equal(sweep, RoundTrip(sweep));

        var outcome = new TrialOutcome { State = TrialState.Cancelled, Retryable = true, Error = "e", ExitCode = 1, StderrTail = ["a"] };
        var outcomeBack = RoundTrip(outcome);
        Assert.Equal((TrialState.Cancelled, true, "a"), (outcomeBack.State, outcomeBack.Retryable, outcomeBack.StderrTail[0]));

        var assignment = new TrialAssignment
        {
            SweepId = "s", Number = 1, Attempt = 2, Kind = TrialKind.Command, Target = "python t.py", Settings = ["a=1"],
            ParamsJson = "{}", MetricName = "m", Resource = ResourceUnit.Epoch, StopGrace = TimeSpan.FromSeconds(7),
        };
        var assignmentBack = RoundTrip(assignment);
        Assert.Equal((TrialKind.Command, ResourceUnit.Epoch, TimeSpan.FromSeconds(7), "a=1"),
                     (assignmentBack.Kind, assignmentBack.Resource, assignmentBack.StopGrace, assignmentBack.Settings[0]));

        var node = new NodeInfo
        {
            Name = "n", Devices = ["cuda:0"], SlotsPerDevice = 2, Labels = ImmutableSortedDictionary<string, string>.Empty.Add("gpu", "a100"),
            Trials = [new NodeTrial("s", 1, 2, "cuda:0")],
        };
        var nodeBack = RoundTrip(node);
        Assert.Equal(("a100", new NodeTrial("s", 1, 2, "cuda:0"), 1), (nodeBack.Labels["gpu"], nodeBack.Trials[0], nodeBack.FreeSlots));

        Assert.Equal("s9", RoundTrip(new SweepNotFoundException("s9")).SweepId);
    }

    private static T RoundTrip<T>(T value)
    {
        var serializer = Services.GetRequiredService<Serializer<T>>();
        return serializer.Deserialize(serializer.SerializeToArray(value))!;
    }
}
