using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace FactCheck.Web.Infrastructure.Jobs;

/// Hangfire keeps one log provider for the whole process. When several hosts share a process (tests, benchmarks)
/// and one is disposed, its logger factory is gone while the others may still ask it for loggers; this wrapper
/// turns that into a silent logger instead of an ObjectDisposedException in the middle of a job.
public sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new GuardedLog(null);
        }
    }

    private sealed class GuardedLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
