using System.Text.Json;
using System.Text.Unicode;
using System.Text;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// Serves PROTOCOL.md v1 (JSON lines: init, ask, report, tell, close) over one <see cref="Study"/>. Every
/// request line gets exactly one response line, flushed at once; a rejected line gets
/// <c>{"error":"..."}</c> and the server goes on. Lines that are empty or only whitespace are not requests
/// and get no answer (as in Optuna's server). Unknown request keys are ignored (logged once each).
/// Returns exit code 0 after <c>close</c> or at the end of the input. Not thread-safe.
/// </summary>
public sealed class AskTellServer
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false };

    private readonly AskTellConfiguration _configuration;
    private readonly TextWriter _log;
    private readonly ResponseWriter _response = new();
    private readonly UnknownKeys _unknownKeys;
    private byte[] _lineBuffer = new byte[1024];
    private string _op = "request";   // names the request in errors that come from the study

    public AskTellServer(AskTellConfiguration configuration, TextWriter log)
    {
        _configuration = configuration;
        _log = log;
        _unknownKeys = new UnknownKeys(log);
    }

    /// <summary>The study once <c>init</c> succeeded, else null.</summary>
    public Study? Study { get; private set; }

    /// <summary>True once <c>close</c> was answered.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Serves raw bytes, so invalid UTF-8 is detected rather than replaced (the CLI uses this).</summary>
    public int Run(Stream input, Stream output)
    {
        var reader = new Utf8LineReader(input, _configuration.MaxLineBytes);
        while (!IsClosed && reader.ReadLine(out var line, out var tooLong))
        {
            var response = tooLong > 0 ? TooLong(tooLong) : Handle(line);
            if (response.IsEmpty) continue;
            output.Write(response);
            output.WriteByte((byte)'\n');
            output.Flush();
        }
        LogSummary();
        return ExitCodes.Ok;
    }

    /// <summary>Serves decoded text (tests, in-process callers); the text is re-encoded as UTF-8 per line.</summary>
    public int Run(TextReader input, TextWriter output)
    {
        while (!IsClosed && input.ReadLine() is { } line)
        {
            var length = Encoding.UTF8.GetByteCount(line);
            ReadOnlySpan<byte> response;
            if (length > _configuration.MaxLineBytes) response = TooLong(length);
            else
            {
                if (_lineBuffer.Length < length) _lineBuffer = new byte[Math.Max(length, 2 * _lineBuffer.Length)];
                var n = Encoding.UTF8.GetBytes(line, _lineBuffer);
                response = Handle(_lineBuffer.AsMemory(0, n));
            }
            if (response.IsEmpty) continue;
            output.Write(Encoding.UTF8.GetString(response));
            output.Write('\n');
            output.Flush();
        }
        LogSummary();
        return ExitCodes.Ok;
    }

    /// <summary>One request line (without '\n') to its response (valid until the next call); empty for a blank line.</summary>
    public ReadOnlySpan<byte> Handle(ReadOnlyMemory<byte> line)
    {
        var span = line.Span.TrimEnd("\r"u8);
        if (span.Trim(" \t\r"u8).IsEmpty) return [];
        try
        {
            Dispatch(line[..span.Length]);
        }
        catch (ProtocolException e)
        {
            Fail(e.Message);
        }
        catch (StudyException e)
        {
            Fail($"{_op}: {e.Message}");
        }
        catch (Exception e)
        {
            // A sampler or pruner bug: answer, keep serving, and keep the stack trace for the log.
            _log.WriteLine($"ask-tell: unexpected {e}");
            Fail($"{_op}: {e.GetType().Name}: {e.Message}");
        }
        return _response.Written;
    }

    private void Dispatch(ReadOnlyMemory<byte> line)
    {
        _op = "request";
        if (!Utf8.IsValid(line.Span))
            throw new ProtocolException($"request: the line is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(line.Span)})");
        using var document = ParseJson(line);
        var request = document.RootElement;
        if (request.ValueKind != JsonValueKind.Object)
            throw new ProtocolException($"request: expected a JSON object, but got {JsonFields.Describe(request)}");
        if (!request.TryGetProperty("op", out var op))
            throw new ProtocolException("request: missing \"op\"");
        if (op.ValueKind != JsonValueKind.String)
            throw new ProtocolException($"request: \"op\" must be a string, but got {JsonFields.Describe(op)}");

        if (op.ValueEquals("ask")) StudyRequests.Ask(Require("ask"), request, _response, _unknownKeys);
        else if (op.ValueEquals("report")) StudyRequests.Report(Require("report"), request, _response, _unknownKeys);
        else if (op.ValueEquals("tell")) StudyRequests.Tell(Require("tell"), request, _response, _unknownKeys);
        else if (op.ValueEquals("init")) Init(request);
        else if (op.ValueEquals("close")) Close();
        else throw new ProtocolException($"request: unknown op {JsonFields.Describe(op)}; expected init, ask, report, tell or close");
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> line)
    {
        try
        {
            return JsonDocument.Parse(line, ParseOptions);
        }
        catch (JsonException e)
        {
            throw new ProtocolException($"request: invalid JSON: {e.Message}");
        }
    }

    private Study Require(string op)
    {
        _op = op;
        return Study ?? throw new ProtocolException($"{op}: no study yet; send init first");
    }

    private void Init(JsonElement request)
    {
        _op = "init";
        if (Study is not null)
            throw new ProtocolException("init: the study is already initialised; send init once per process");
        var init = InitRequestParser.Parse(request, _unknownKeys);
        var sampler = Build(() => _configuration.CreateSampler(init), "sampler");
        var pruner = Build(() => _configuration.CreatePruner(init), "pruner");
        Study = new Study(init.Space, init.Direction, sampler, pruner,
            new StudyOptions { SupportsPause = false, MaxSteps = init.Steps, Batch = init.Batch });
        _response.WriteInit(_configuration.Impl, sampler.Name, pruner.Name);
        _log.WriteLine($"ask-tell: {_configuration.Impl} ready: {init.Space.Count} parameters, {init.Direction.ToString().ToLowerInvariant()}, "
                       + $"seed {init.Seed?.ToString() ?? "none"}, budget {init.Budget?.ToString() ?? "none"}, steps {init.Steps?.ToString() ?? "none"}, "
                       + $"batch {init.Batch}, sampler {sampler.Name}, pruner {pruner.Name}");
    }

    // Factories validate their options against the space (e.g. a grid needs finite points): their message is the error.
    private static T Build<T>(Func<T> create, string what)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new ProtocolException($"init: cannot create the {what}: {e.Message}");
        }
    }

    private void Close()
    {
        _op = "close";
        _response.WriteOk();
        IsClosed = true;
    }

    private ReadOnlySpan<byte> TooLong(long length)
    {
        Fail($"request: the line is {length} bytes long; the limit is {_configuration.MaxLineBytes} bytes");
        return _response.Written;
    }

    private void Fail(string message)
    {
        _log.WriteLine($"ask-tell: error: {message}");
        _response.WriteError(message);
    }

    private void LogSummary()
    {
        if (Study is null) return;
        var trials = Study.Trials;
        var best = Study.BestTrial is { } b ? $"best is trial {b.Number} with value {b.Value}" : "no complete trial";
        _log.WriteLine($"ask-tell: {(IsClosed ? "closed" : "end of input")} after {trials.Count} trials "
                       + $"({trials.Count(t => t.State == TrialState.Complete)} complete, {trials.Count(t => t.State == TrialState.Pruned)} pruned, "
                       + $"{trials.Count(t => t.State == TrialState.Failed)} failed); {best}");
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return offset;
    }
}
