using System.Net.Sockets;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// Whether a publish failed because RabbitMQ cannot be reached (restarting, a connection cut, a publish that never got
/// its confirm) rather than because of the message: such a publish is worth trying again once the broker is back.
/// </summary>
public static class BrokerUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                case ConnectionException or TransportUnavailableException or RequestTimeoutException:
                case RabbitMQClientException or OperationInterruptedException:
                case SocketException or IOException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
