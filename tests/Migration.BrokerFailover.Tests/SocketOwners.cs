using System.Globalization;

namespace Migration.BrokerFailover.Tests;

/// <summary>
/// Which of some processes owns the local end of a TCP connection, from Linux's <c>/proc</c>: the socket's inode in
/// <c>/proc/net/tcp</c> (by local port) against the inodes among each process's open file descriptors. It tells which
/// service instance is behind a broker connection (the broker sees the client's port).
/// </summary>
public static class SocketOwners
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>Local TCP port → process id, for the sockets of <paramref name="processIds"/>.</summary>
    public static IReadOnlyDictionary<int, int> ByLocalPort(IEnumerable<int> processIds)
    {
        var inodesToPort = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in Tables.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10) continue;
                var local = fields[1];
                inodesToPort[fields[9]] = int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        var owners = new Dictionary<int, int>();
        foreach (var pid in processIds)
        {
            string[] descriptors;
            try
            {
                descriptors = Directory.GetFiles($"/proc/{pid}/fd");
            }
            catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            {
                continue; // the process has exited
            }

            foreach (var descriptor in descriptors)
            {
                var target = new FileInfo(descriptor).LinkTarget;
                if (target is null || !target.StartsWith("socket:[", StringComparison.Ordinal)) continue;
                if (inodesToPort.TryGetValue(target["socket:[".Length..^1], out var port)) owners[port] = pid;
            }
        }

        return owners;
    }
}
