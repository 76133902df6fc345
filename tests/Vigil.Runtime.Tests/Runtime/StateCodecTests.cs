using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;
using Vigil.Runtime.Tests.Storage;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class StateCodecTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static readonly IStateCodec<CounterState> Codec = new CounterStateCodec();

    [Fact]
    public async Task ARegisteredCodecWritesTheStateThatIsWrittenNow()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);
        var grain = silo.Grain<IPersistentCounterGrain>("coded-now-" + Guid.NewGuid());

        await grain.IncrementAndWrite();

        Assert.Equal(Codec.Encode(new CounterState { Value = 1 }), await StoredPayload(storage, grain));
    }

    [Fact]
    public async Task ARegisteredCodecWritesTheStateThatIsWrittenBehind()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);
        var grain = silo.Grain<IPersistentCounterGrain>("coded-behind-" + Guid.NewGuid());
        await grain.Increment();
        await grain.Increment();

        await silo.Runtime.FlushAsync().Within("the write-behind flush");

        var payload = await StoredPayload(storage, grain);
        Assert.Equal(CounterStateCodec.Version1, payload[0]);
        Assert.Equal(Codec.Encode(new CounterState { Value = 2 }), payload);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task WriteBehindReusesPayloadArraysYetEveryGrainKeepsItsOwnState(string store)
    {
        // Snapshot payloads live in reused arrays; a storage that kept one instead of a copy would show another
        // grain's (or a later flush's) bytes here.
        await using var sqlite = store == "sqlite" ? new Sqlite.SqliteGrainStorage(new Sqlite.SqliteGrainStorageOptions { FilePath = directory.PathOf(Guid.NewGuid().ToString("N") + ".db") }) : null;
        var storage = (IGrainStorage?)sqlite ?? new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);
        var grains = Enumerable.Range(0, 40).Select(i => silo.Grain<IPersistentCounterGrain>($"reused-{i}-{Guid.NewGuid()}")).ToArray();
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < grains.Length; i++)
            {
                for (var n = 0; n <= i % 4; n++)
                {
                    await grains[i].Increment();
                }
            }

            await silo.Runtime.FlushAsync().Within("the write-behind flush");

            for (var i = 0; i < grains.Length; i++)
            {
                Assert.Equal(Codec.Encode(new CounterState { Value = round * ((i % 4) + 1) }), await StoredPayload(storage, grains[i]));
            }
        }
    }

    [Fact]
    public async Task AStateWrittenAsJsonBeforeTheCodecWasRegisteredStillLoads()
    {
        var storage = new FlakyGrainStorage();
        var grain = await StoreRaw(storage, "legacy-", Encoding.UTF8.GetBytes(" \r\n{\"Value\":41}"));
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);

        var value = await silo.Grain<IPersistentCounterGrain>(grain.Key).IncrementAndWrite();

        Assert.Equal(42, value);
        Assert.Equal(Codec.Encode(new CounterState { Value = 42 }), await StoredPayload(storage, grain));
    }

    [Fact]
    public async Task APayloadTheCodecCannotReadFailsTheActivationNamingTheGrainTheStateAndTheProblem()
    {
        var storage = new FlakyGrainStorage();
        var grain = await StoreRaw(storage, "truncated-", [CounterStateCodec.Version1, 1]);
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);

        var failure = await Assert.ThrowsAsync<GrainActivationException>(() => silo.Grain<IPersistentCounterGrain>(grain.Key).Get());

        Assert.Contains(grain.ToString(), failure.Message);
        Assert.Contains("'counter'", failure.Message);
        Assert.Contains(nameof(CounterStateCodec), failure.Message);
        Assert.Contains("this one is 2 bytes long", failure.Message);
        Assert.IsType<InvalidDataException>(failure.InnerException?.InnerException);
    }

    [Fact]
    public async Task ACorruptJsonPayloadFailsTheActivationTheSameWayAndTheNextCallRetries()
    {
        var storage = new FlakyGrainStorage();
        var grain = await StoreRaw(storage, "corrupt-json-", Encoding.UTF8.GetBytes("{\"Value\":"));
        await using var silo = await TestSilo.StartAsync(storage: storage, register: WithCodec);
        var reference = silo.Grain<IPersistentCounterGrain>(grain.Key);

        var failure = await Assert.ThrowsAsync<GrainActivationException>(() => reference.Get());
        await storage.ClearAsync(grain, "counter", (await storage.ReadAsync(grain, "counter"))!.Etag);

        Assert.Contains(grain.ToString(), failure.Message);
        Assert.Contains("'counter'", failure.Message);
        Assert.Contains("as JSON", failure.Message);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException?.InnerException);
        Assert.Equal(1, await reference.Increment());
    }

    [Fact]
    public async Task WithoutACodecTheStateIsStoredAsJsonAsBefore()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var grain = silo.Grain<IPersistentCounterGrain>("plain-" + Guid.NewGuid());

        await grain.IncrementAndWrite();

        Assert.Equal("{\"Value\":1}", Encoding.UTF8.GetString(await StoredPayload(storage, grain)));
    }

    [Fact]
    public async Task ACodecPayloadThatWouldReadBackAsJsonIsNotStored()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(
            storage: storage, register: s => s.AddSingleton<IStateCodec<CounterState>>(new CounterStateCodec(version: (byte)'{')));
        var grain = silo.Grain<IPersistentCounterGrain>("json-lookalike-" + Guid.NewGuid());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.IncrementAndWrite());

        Assert.Contains("format-version byte", failure.Message);
        Assert.Null(await storage.ReadAsync(((GrainReference)grain).GrainId, "counter"));
    }

    [Fact]
    public async Task TheCodecIsResolvedOnceForAllActivationsOfTheState()
    {
        var resolutions = 0;
        await using var silo = await TestSilo.StartAsync(register: s => s.AddTransient<IStateCodec<CounterState>>(_ =>
        {
            Interlocked.Increment(ref resolutions);
            return new CounterStateCodec();
        }));

        for (var i = 0; i < 3; i++)
        {
            await silo.Grain<IPersistentCounterGrain>($"resolved-{i}-{Guid.NewGuid()}").IncrementAndWrite();
        }

        Assert.Equal(1, resolutions);
    }

    private static void WithCodec(IServiceCollection services) => services.AddSingleton(Codec);

    private static async Task<GrainId> StoreRaw(IGrainStorage storage, string keyPrefix, byte[] payload)
    {
        var grain = new GrainId("persistentcounter", keyPrefix + Guid.NewGuid());
        await storage.WriteAsync(grain, "counter", payload, expectedEtag: null);
        return grain;
    }

    private static Task<byte[]> StoredPayload(IGrainStorage storage, object grain) => StoredPayload(storage, ((GrainReference)grain).GrainId);

    private static async Task<byte[]> StoredPayload(IGrainStorage storage, GrainId grain) =>
        (await storage.ReadAsync(grain, "counter"))?.Payload ?? throw new InvalidOperationException($"Nothing is stored for {grain}.");
}
