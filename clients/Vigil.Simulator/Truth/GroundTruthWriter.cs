using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Simulator.Truth;

/// <summary>Writes ground truth as JSON lines (camelCase, UTF-8, timestamps like the events' <c>ts</c>).</summary>
public sealed class GroundTruthWriter : IGroundTruthSink, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new WireTimestampJsonConverter() },
    };

    private readonly TextWriter writer;
    private readonly bool ownsWriter;

    public GroundTruthWriter(TextWriter writer, bool ownsWriter = false)
    {
        this.writer = writer;
        this.ownsWriter = ownsWriter;
    }

    /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
    public static GroundTruthWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" }, ownsWriter: true);

    public static string Serialize(GroundTruthRecord record) => JsonSerializer.Serialize(record, record.GetType(), Json);

    public void Write(GroundTruthRecord record)
    {
        lock (writer)
        {
            writer.Write(Serialize(record));
            writer.Write('\n');
        }
    }

    public void Flush()
    {
        lock (writer)
        {
            writer.Flush();
        }
    }

    public void Dispose()
    {
        Flush();
        if (ownsWriter)
        {
            writer.Dispose();
        }
    }
}
