namespace Vigil.Runtime.Persistence;

/// <summary>The storage itself failed (I/O, corruption, unavailable); nothing of the failed operation was committed.</summary>
public sealed class GrainStorageException(string message, Exception? innerException = null) : Exception(message, innerException);
