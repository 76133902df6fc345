using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// Invokes a <c>/hubs/live</c> method from inside a signed-in page, with the page's own cookie, over a second SignalR
/// connection spoken by hand (negotiate, JSON handshake, one invocation), exactly as a curious user could from the
/// browser's console; the answer is the completion's error or result.
/// </summary>
public static class HubCall
{
    private const string Script = """
        async ({ target, args }) => {
          const separator = '\u001e';
          const negotiate = await fetch('/hubs/live/negotiate?negotiateVersion=1', { method: 'POST', credentials: 'same-origin' });
          if (!negotiate.ok) return { error: `negotiate answered ${negotiate.status}`, result: null };
          const { connectionToken, connectionId } = await negotiate.json();
          const url = new URL(`/hubs/live?id=${encodeURIComponent(connectionToken ?? connectionId)}`, location.href);
          url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
          return await new Promise((resolve) => {
            const socket = new WebSocket(url);
            let buffer = '';
            socket.onopen = () => socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + separator);
            socket.onerror = () => resolve({ error: 'websocket error', result: null });
            socket.onclose = (event) => resolve({ error: `closed ${event.code} ${event.reason}`, result: null });
            socket.onmessage = (event) => {
              buffer += event.data;
              for (let end = buffer.indexOf(separator); end >= 0; end = buffer.indexOf(separator)) {
                const message = JSON.parse(buffer.slice(0, end));
                buffer = buffer.slice(end + 1);
                if (message.type === undefined && message.error) { resolve({ error: 'handshake: ' + message.error, result: null }); socket.close(); return; }
                if (message.type === undefined) {
                  socket.send(JSON.stringify({ type: 1, invocationId: '1', target, arguments: args }) + separator);
                } else if (message.type === 3 && message.invocationId === '1') {
                  resolve({ error: message.error ?? null, result: message.result ?? null });
                  socket.close();
                  return;
                } else if (message.type === 7) {
                  resolve({ error: 'server closed: ' + (message.error ?? ''), result: null });
                  return;
                }
              }
            };
          });
        }
        """;

    /// <summary>The completion's error message, or null when the call succeeded.</summary>
    public static async Task<string?> ErrorOf(IPage page, string target, params object?[] args)
    {
        var error = (await Complete(page, target, args)).GetProperty("error");
        return error.ValueKind == JsonValueKind.Null ? null : error.GetString();
    }

    /// <summary>The completion's result; throws with the hub's error when the call failed.</summary>
    public static async Task<JsonElement> ResultOf(IPage page, string target, params object?[] args)
    {
        var answer = await Complete(page, target, args);
        var error = answer.GetProperty("error");
        return error.ValueKind == JsonValueKind.Null
            ? answer.GetProperty("result")
            : throw new InvalidOperationException($"The hub refused {target}: {error.GetString()}");
    }

    private static Task<JsonElement> Complete(IPage page, string target, object?[] args) =>
        page.EvaluateAsync<JsonElement>(Script, new { target, args }).Within($"the page's call of {target} on /hubs/live to complete");
}
