
namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>
/// Every malformed line gets one precise <c>{"error":...}</c> line, changes nothing, and the server goes on:
/// the next valid request (init when there is no study yet, else ask) still works.
/// </summary>
public sealed class MalformedRequestTests
{
    private const string I = ProtocolHarness.Init;
    private const string A = ProtocolHarness.Ask;
    private const string Told = """{"op":"tell","trial":0,"value":1.5}""";
    private const string Reported = """{"op":"report","trial":0,"step":2,"value":3.0}""";

    private static string Space(string entries) =>
        $$"""{"op":"init","protocol":1,"direction":"minimize","seed":0,"space":[{{entries}}],"budget":10,"steps":null,"batch":1}""";

    private static string InitWith(string fields) => $$"""{"op":"init",{{fields}},"space":[{"name":"x","type":"float","low":0,"high":1}]}""";

    /// <summary>(setup lines joined by '\n', the bad line, the exact error text).</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        // Framing and envelope.
        { "", "not json", "request: invalid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null'. LineNumber: 0 | BytePositionInLine: 1." },
        { "", """{"op":""", "request: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 6." },
        { "", """{"op":"ask"} {"op":"ask"}""", "request: invalid JSON: '{' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 13." },
        { "", """{"op":"ask","op":"close"}""", "request: invalid JSON: Duplicate property 'op' encountered during deserialization." },
        { "", "[1,2]", "request: expected a JSON object, but got an array" },
        { "", "\"ask\"", "request: expected a JSON object, but got \"ask\"" },
        { "", "{}", "request: missing \"op\"" },
        { "", """{"op":3}""", "request: \"op\" must be a string, but got 3" },
        { "", """{"op":null}""", "request: \"op\" must be a string, but got null" },
        { "", """{"op":"fly"}""", "request: unknown op \"fly\"; expected init, ask, report, tell or close" },
        { "", A, "ask: no study yet; send init first" },
        { "", """{"op":"tell","trial":0,"value":1}""", "tell: no study yet; send init first" },
        { "", """{"op":"report","trial":0,"step":1,"value":1}""", "report: no study yet; send init first" },
        // init fields.
        { I, I, "init: the study is already initialised; send init once per process" },
        { "", InitWith("\"protocol\":2"), "init: unsupported protocol 2; this server speaks protocol 1" },
        { "", InitWith("\"direction\":\"minimize\""), "init: missing \"protocol\"" },
        { "", InitWith("\"protocol\":\"1\""), "init: \"protocol\" must be an integer, but got \"1\"" },
        { "", InitWith("\"protocol\":1,\"direction\":\"down\""), "init: \"direction\" must be \"minimize\" or \"maximize\", but got \"down\"" },
        { "", InitWith("\"protocol\":1,\"seed\":1.5"), "init: \"seed\" must be an integer, but got 1.5" },
        { "", InitWith("\"protocol\":1,\"seed\":3000000000"), "init: \"seed\" must be an integer in [-2147483648, 2147483647], but got 3000000000" },
        { "", InitWith("\"protocol\":1,\"batch\":0"), "init: \"batch\" must be >= 1, but got 0" },
        { "", InitWith("\"protocol\":1,\"steps\":0"), "init: \"steps\" must be >= 1, but got 0" },
        { "", """{"op":"init","protocol":1}""", "init: missing \"space\"" },
        { "", """{"op":"init","protocol":1,"space":{}}""", "init: \"space\" must be an array, but got an object" },
        { "", Space(""), "init: \"space\" must contain one or more parameters" },
        // space entries.
        { "", Space("3"), "init: space[0] must be an object, but got 3" },
        { "", Space("""{"type":"float","low":0,"high":1}"""), "init: space[0]: missing \"name\"" },
        { "", Space("""{"name":"","type":"float","low":0,"high":1}"""), "init: space[0]: \"name\" must not be empty" },
        { "", Space("""{"name":"x","type":"float","low":0,"high":1},{"name":"x","type":"int","low":0,"high":1}"""), "init: space[1] (x): the name is already used by space[0]" },
        { "", Space("""{"name":"x","low":0,"high":1}"""), "init: space[0] (x): missing \"type\"" },
        { "", Space("""{"name":"x","type":"double","low":0,"high":1}"""), "init: space[0] (x): unknown type \"double\"; expected float, int or categorical" },
        { "", Space("""{"name":"x","type":"float","low":10,"high":-5}"""), "init: space[0] (x): low <= high must hold, but got (low=10, high=-5)." },
        { "", Space("""{"name":"x","type":"float","high":1}"""), "init: space[0] (x): missing \"low\"" },
        { "", Space("""{"name":"x","type":"float","low":0,"high":"10"}"""), "init: space[0] (x): \"high\" must be a number, but got \"10\"" },
        { "", Space("""{"name":"lr","type":"float","low":0,"high":1,"log":true}"""), "init: space[0] (lr): low must be > 0 when log is true, but got low=0." },
        { "", Space("""{"name":"lr","type":"float","low":0.1,"high":1,"log":"yes"}"""), "init: space[0] (lr): \"log\" must be true or false, but got \"yes\"" },
        { "", Space("""{"name":"lr","type":"float","low":0.1,"high":1,"log":true,"step":0.1}"""), "init: space[0] (lr): step is not supported when log is true." },
        { "", Space("""{"name":"x","type":"float","low":0,"high":1,"step":0}"""), "init: space[0] (x): step must be > 0, but got step=0." },
        { "", Space("""{"name":"x","type":"float","low":0,"high":1},{"name":"units","type":"int","low":0,"high":1024,"log":true}"""), "init: space[1] (units): low must be >= 1 when log is true, but got low=0." },
        { "", Space("""{"name":"units","type":"int","low":8,"high":1024,"log":true,"step":2}"""), "init: space[0] (units): step must be 1 when log is true, but got step=2." },
        { "", Space("""{"name":"units","type":"int","low":8.5,"high":1024}"""), "init: space[0] (units): \"low\" must be an integer, but got 8.5" },
        { "", Space("""{"name":"opt","type":"categorical","choices":[]}"""), "init: space[0] (opt): choices must contain one or more elements." },
        { "", Space("""{"name":"opt","type":"categorical"}"""), "init: space[0] (opt): missing \"choices\"" },
        { "", Space("""{"name":"opt","type":"categorical","choices":"sgd"}"""), "init: space[0] (opt): \"choices\" must be an array, but got \"sgd\"" },
        { "", Space("""{"name":"opt","type":"categorical","choices":["sgd",["adam"]]}"""), "init: space[0] (opt): choices[1] must be a string, number, bool or null, but got an array" },
        { "", Space("""{"name":"opt","type":"categorical","choices":["sgd","adam","sgd"]}"""), "init: space[0] (opt): choices must be unique, but \"sgd\" appears twice." },
        // tell.
        { I, """{"op":"tell","trial":7,"value":1}""", "tell: unknown trial 7" },
        { $"{I}\n{A}\n{Told}", Told, "tell: trial 0 is already finished (complete)" },
        { $"{I}\n{A}", """{"op":"tell","trial":0}""", "tell: trial 0: a complete trial needs a finite \"value\" (send \"state\":\"fail\" for a failed evaluation)" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"value":null}""", "tell: trial 0: a complete trial needs a finite \"value\" (send \"state\":\"fail\" for a failed evaluation)" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"value":"0.5"}""", "tell: \"value\" must be a number, but got \"0.5\"" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"value":1e400}""", "tell: \"value\" must be a finite number, but got 1e400" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"value":NaN}""", "request: invalid JSON: 'N' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 31." },
        { $"{I}\n{A}", """{"op":"tell","trial":"0","value":1}""", "tell: \"trial\" must be an integer, but got \"0\"" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"state":"done"}""", "tell: \"state\" must be \"complete\", \"pruned\" or \"fail\", but got \"done\"" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"state":"pruned","value":2}""", "tell: trial 0: \"value\" must be absent or null when \"state\" is \"pruned\"" },
        { $"{I}\n{A}", """{"op":"tell","trial":0,"state":"fail","error":42}""", "tell: \"error\" must be a string, but got 42" },
        // report.
        { $"{I}\n{A}\n{Told}", """{"op":"report","trial":0,"step":1,"value":1}""", "report: trial 0 is complete, so it cannot report" },
        { $"{I}\n{A}", """{"op":"report","trial":5,"step":1,"value":1}""", "report: unknown trial 5" },
        { $"{I}\n{A}", """{"op":"report","trial":0,"step":1.5,"value":1}""", "report: \"step\" must be an integer, but got 1.5" },
        { $"{I}\n{A}", """{"op":"report","trial":0,"value":1}""", "report: missing \"step\"" },
        { $"{I}\n{A}\n{Reported}", """{"op":"report","trial":0,"step":1,"value":1}""", "report: trial 0 already reported step 2; steps must increase (got 1)" },
        { $"{I}\n{A}\n{Reported}", Reported, "report: trial 0 already reported step 2; steps must increase (got 2)" },
        { $"{I}\n{A}", """{"op":"report","trial":0,"step":-1,"value":1}""", "report: step must be >= 0, got -1" },
        { $"{I}\n{A}", """{"op":"report","trial":0,"step":1,"value":"x"}""", "report: \"value\" must be a number, but got \"x\"" },
        { $"{I}\n{A}", """{"op":"report","trial":0,"step":1,"value":[1]}""", "report: \"value\" must be a number, but got an array" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_line_gets_a_precise_error_and_the_server_goes_on(string setup, string bad, string expected)
    {
        var h = new ProtocolHarness();
        foreach (var line in setup.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.DoesNotContain("\"error\"", h.Send(line));
        var trialsBefore = h.Server.Study?.Trials.Count;
        var statesBefore = h.Server.Study?.Trials.Select(t => (t.State, t.Value, t.LastStep)).ToArray();

        Assert.Equal($$"""{"error":"{{expected.Replace("\"", "\\\"")}}"}""", h.Send(bad));

        // The rejected line changed nothing.
        Assert.Equal(trialsBefore, h.Server.Study?.Trials.Count);
        Assert.Equal(statesBefore, h.Server.Study?.Trials.Select(t => (t.State, t.Value, t.LastStep)).ToArray());
        if (h.Server.Study is null)
            Assert.Equal(ProtocolHarness.InitOk, h.Send(I));
        else
            Assert.StartsWith($$"""{"trial":{{trialsBefore}},"params":{""", h.Send(A));
        Assert.Contains($"ask-tell: error: {expected}", h.Log.ToString());
    }
}
