using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>
/// A minimal SignalR JSON-protocol client over a WebSocket (the .NET SignalR client package is not available here):
/// handshake, invocations with their completions, and the server's <c>batch</c> pushes. It speaks what the browser's
/// @microsoft/signalr speaks, so a test sees the hub's real wire format.
/// </summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';

    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _calls = [];
    private readonly Channel<JsonElement> _batches = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    public static async Task<RawHubClient> Connect(Uri address, string? user)
    {
        var client = new RawHubClient();
        if (user is not null)
        {
            client._socket.Options.SetRequestHeader(LiveHubHost.UserHeader, user);
        }

        var uri = new UriBuilder(address) { Scheme = "ws", Path = "/hubs/live" }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None).Within("the hub's WebSocket to open");
        await client.Send("""{"protocol":"json","version":1}""");
        var handshake = await client.ReceiveFrame().Within("the hub's handshake answer");
        Assert.Equal("{}", handshake);
        client._receiving = client.ReceiveAll();
        return client;
    }

    /// <summary>Invokes a hub method; the completion's <c>result</c> or <c>error</c> member.</summary>
    public async Task<JsonElement> Invoke(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            _calls[id] = completion;
        }

        await Send(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        return await completion.Task.Within($"the hub's answer to {target}");
    }

    public Task<JsonElement> NextBatch() => _batches.Reader.ReadAsync().AsTask().Within("a batch from the hub");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Aborting the socket ends the receive loop with one of these.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private Task Send(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);

    private async Task<string> ReceiveFrame()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("the hub closed the connection");
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd(Separator);
            }
        }
    }

    private async Task ReceiveAll()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var message in (await ReceiveFrame()).Split(Separator, StringSplitOptions.RemoveEmptyEntries))
            {
                var root = JsonDocument.Parse(message).RootElement;
                var type = root.GetProperty("type").GetInt32();
                if (type == 1 && root.GetProperty("target").GetString() == "batch")
                {
                    _batches.Writer.TryWrite(root.GetProperty("arguments")[0]);
                }
                else if (type == 3)
                {
                    TaskCompletionSource<JsonElement>? call;
                    lock (_calls)
                    {
                        _calls.Remove(root.GetProperty("invocationId").GetString()!, out call);
                    }

                    call?.TrySetResult(root);
                }
            }
        }
    }
}
