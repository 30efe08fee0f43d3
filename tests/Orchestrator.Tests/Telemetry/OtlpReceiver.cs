using System.Collections.Concurrent;
using System.Net;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>
/// The smallest OTLP/HTTP collector: accepts every POST on loopback with 200 and keeps its path, content type and
/// body. It decodes nothing; the tests look for the instrument names that protobuf carries as plain UTF-8.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base URL to give as --otlp-endpoint.</summary>
    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using (var body = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(body);
                Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    public sealed record Received(string Method, string Path, string? ContentType, byte[] Body);
}
