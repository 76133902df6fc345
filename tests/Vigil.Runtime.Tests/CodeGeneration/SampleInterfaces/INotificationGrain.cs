using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>Receives notifications: one-way methods of both void shapes, and an always-interleaved acknowledgement.</summary>
public interface INotificationGrain : IGrainWithStringKey
{
    [OneWay]
    Task Notify(SampleMessage message);

    [OneWay]
    ValueTask Ping();

    [AlwaysInterleave]
    ValueTask Acknowledge(string notificationId);
}
