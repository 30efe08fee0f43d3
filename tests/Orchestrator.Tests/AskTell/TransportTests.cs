using System.Text;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>Line framing, end of input, byte-level input and failures inside injected components.</summary>
public sealed class TransportTests
{
    private static (int Code, string[] Lines) RunBytes(ProtocolHarness h, byte[] input)
    {
        var output = new MemoryStream();
        var code = h.Server.Run(new MemoryStream(input), output);
        return (code, Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static byte[] Lines(params object[] lines) =>
        [.. lines.SelectMany(l => l is byte[] b ? b : Encoding.UTF8.GetBytes((string)l)).Concat("\n"u8.ToArray())];

    [Fact]
    public void End_of_input_without_close_exits_0_after_answering_everything()
    {
        var h = new ProtocolHarness();
        var (code, lines) = h.Run($"{ProtocolHarness.Init}\n{ProtocolHarness.Ask}");   // last line without '\n'
        Assert.Equal(0, code);
        Assert.Equal([ProtocolHarness.InitOk, """{"trial":0,"params":{"x1":-5,"x2":0}}"""], lines);
        Assert.False(h.Server.IsClosed);
        Assert.Contains("ask-tell: end of input after 1 trials (0 complete, 0 pruned, 0 failed); no complete trial", h.Log.ToString());
    }

    [Fact]
    public void Empty_input_exits_0_with_no_output()
    {
        var (code, lines) = new ProtocolHarness().Run("");
        Assert.Equal(0, code);
        Assert.Empty(lines);
    }

    [Fact]
    public void Close_answers_and_stops_reading_even_before_init()
    {
        var h = new ProtocolHarness();
        var (code, lines) = h.Run("{\"op\":\"close\"}\n" + ProtocolHarness.Init + "\n");
        Assert.Equal(0, code);
        Assert.Equal(["""{"ok":true}"""], lines);
        Assert.Null(h.Server.Study);
    }

    [Fact]
    public void Blank_lines_get_no_answer_and_CRLF_is_accepted()
    {
        var h = new ProtocolHarness();
        var (code, lines) = RunBytes(h, Lines("\n  \t\n\r\n", ProtocolHarness.Init, "\r\n\n", "{\"op\":\"close\"}\r"));
        Assert.Equal(0, code);
        Assert.Equal([ProtocolHarness.InitOk, """{"ok":true}"""], lines);
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_and_the_next_line_works()
    {
        var h = new ProtocolHarness();
        byte[] bad = [.. "{\"op\":\"ask\",\"x\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()];
        var (code, lines) = RunBytes(h, Lines(bad, "\n", ProtocolHarness.Init, "\n"));
        Assert.Equal(0, code);
        Assert.Equal(["""{"error":"request: the line is not valid UTF-8 (first bad byte at offset 17)"}""", ProtocolHarness.InitOk], lines);
    }

    [Fact]
    public void A_10_MB_line_is_skipped_with_an_error_and_the_next_line_works()
    {
        var h = new ProtocolHarness();
        var huge = new byte[10 * 1024 * 1024];
        Array.Fill(huge, (byte)'x');
        var (code, lines) = RunBytes(h, Lines(huge, "\n", ProtocolHarness.Init, "\n", ProtocolHarness.Ask));
        Assert.Equal(0, code);
        Assert.Equal(
        [
            """{"error":"request: the line is 10485760 bytes long; the limit is 1048576 bytes"}""",
            ProtocolHarness.InitOk,
            """{"trial":0,"params":{"x1":-5,"x2":0}}""",
        ], lines);
    }

    [Fact]
    public void Line_limit_applies_to_text_input_and_counts_UTF8_bytes()
    {
        var h = new ProtocolHarness(ProtocolHarness.Configuration() with { MaxLineBytes = 20 });
        var (_, lines) = h.Run("{\"op\":\"ask\",\"é\":\"ééééé\"}\n{\"op\":\"close\"}\n");
        Assert.Equal(["""{"error":"request: the line is 30 bytes long; the limit is 20 bytes"}""", """{"ok":true}"""], lines);
    }

    [Fact]
    public void A_sampler_that_proposes_NaN_gets_an_error_its_trial_fails_and_the_server_goes_on()
    {
        var configuration = ProtocolHarness.Configuration() with { CreateSampler = _ => new NanSampler() };
        var h = new ProtocolHarness(configuration);
        Assert.Equal("""{"ok":true,"impl":"sweep-test","sampler":"nan","pruner":"threshold"}""", h.Send(ProtocolHarness.Init));
        Assert.Equal("""{"error":"ask: sampler 'nan' proposed an invalid configuration for trial 0: parameter 'x1' = NaN is outside its distribution"}""",
            h.Send(ProtocolHarness.Ask));
        Assert.Equal(TrialState.Failed, h.Server.Study!.Trials[0].State);
        Assert.StartsWith("sampling failed: sampler 'nan'", h.Server.Study.Trials[0].Error);
        Assert.Equal("""{"ok":true}""", h.Send("""{"op":"close"}"""));
    }

    [Fact]
    public void A_factory_that_rejects_the_space_is_an_init_error_and_init_can_be_retried()
    {
        var configuration = ProtocolHarness.Configuration() with
        {
            CreateSampler = init => init.Space.Count > 1
                ? throw new ArgumentException("the test sampler supports one parameter")
                : new CornerTestSampler(init.Seed),
        };
        var h = new ProtocolHarness(configuration);
        Assert.Equal("""{"error":"init: cannot create the sampler: the test sampler supports one parameter"}""", h.Send(ProtocolHarness.Init));
        Assert.Null(h.Server.Study);
        Assert.Equal(ProtocolHarness.InitOk, h.Send("""{"op":"init","protocol":1,"space":[{"name":"x","type":"int","low":0,"high":4}]}"""));
        Assert.Equal("""{"trial":0,"params":{"x":0}}""", h.Send(ProtocolHarness.Ask));
    }

    private sealed class NanSampler : ISampler
    {
        public string Name => "nan";

        public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial) =>
            history.Space.Walk((_, _) => double.NaN);
    }
}
