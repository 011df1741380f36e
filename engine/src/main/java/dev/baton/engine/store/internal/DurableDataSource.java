package dev.baton.engine.store.internal;

import dev.baton.engine.store.DurableConnection;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one durability mechanism of every store (see {@link DurableConnection}): a data source
 * whose connections, on an H2 file, note whether the transaction wrote (any statement other
 * than a query since the last commit) and, after a commit that wrote or a write in auto-commit
 * mode, wait for a {@link GroupFlush} checkpoint before returning. On PostgreSQL (and in-memory
 * H2) commits are passed through: PostgreSQL has flushed its WAL when commit returns.
 *
 * <p>Wrappers of the same data source share one {@link GroupFlush}, so the decision log, the
 * workflow engine and the designer's own tables coalesce their checkpoints.
 */
public final class DurableDataSource implements DataSource, AutoCloseable {
  private static final Map<DataSource, GroupFlush> FLUSHES = new WeakHashMap<>();

  private final DataSource delegate;
  private final GroupFlush flush;
  /** Null until the first connection tells which database this is. */
  private volatile Boolean needsCheckpoint;

  private DurableDataSource(DataSource delegate) {
    this.delegate = delegate;
    synchronized (FLUSHES) {
      this.flush = FLUSHES.computeIfAbsent(delegate, d -> new GroupFlush());
    }
  }

  /** The data source with durable commits; the same one when it is already. */
  public static DataSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return dataSource instanceof DurableDataSource ? dataSource
        : new DurableDataSource(dataSource);
  }

  /** The data source this one decorates. */
  public DataSource delegate() {
    return delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection raw) throws SQLException {
    Boolean checkpoint = needsCheckpoint;
    if (checkpoint == null) {
      try {
        var meta = raw.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String url = String.valueOf(meta.getURL());
        checkpoint = product.contains("h2") && !url.startsWith("jdbc:h2:mem:");
        if (checkpoint) {
          flush.probe(raw);
        }
        needsCheckpoint = checkpoint;
      } catch (SQLException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }
    Tracking handler = new Tracking(raw, checkpoint && flush.enabled());
    Connection proxy = (Connection) Proxy.newProxyInstance(
        DurableDataSource.class.getClassLoader(), new Class<?>[] {DurableConnection.class},
        handler);
    handler.proxy = proxy;
    return proxy;
  }

  /** Closes the decorated data source when it can be closed (a pool); otherwise nothing. */
  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }

  /**
   * A connection's state: did the open transaction write, is it in auto-commit mode. A commit
   * on it waits for durability on the same connection: nothing is open on it then.
   */
  private final class Tracking implements InvocationHandler {
    private final Connection raw;
    private final boolean checkpoint;
    private boolean autoCommit;
    private boolean wrote;
    private Connection proxy;

    Tracking(Connection raw, boolean checkpoint) throws SQLException {
      this.raw = raw;
      this.checkpoint = checkpoint;
      this.autoCommit = checkpoint && raw.getAutoCommit();
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "commitAndContinue":
          return commitAndContinue();
        case "commit":
          raw.commit();
          if (checkpoint && wrote) {
            wrote = false;
            durable(flush.ticket());
          }
          return null;
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(self) ? self : call(method, args);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(self) || (Boolean) call(method, args);
        case "equals":
          return self == args[0];
        case "hashCode":
          return System.identityHashCode(self);
        case "toString":
          return "durable " + raw;
        default:
          break;
      }
      if (!checkpoint) {
        return statementOrResult(method, call(method, args));
      }
      switch (method.getName()) {
        case "setAutoCommit": {
          boolean on = (Boolean) args[0];
          boolean commits = on && !autoCommit && wrote;
          call(method, args);
          autoCommit = on;
          if (commits) { // JDBC: switching auto-commit on commits the open transaction
            wrote = false;
            durable(flush.ticket());
          }
          return null;
        }
        case "rollback":
          Object r = call(method, args);
          if (args == null || args.length == 0) {
            wrote = false;
          }
          return r;
        case "close":
          wrote = false; // an open transaction is rolled back by the pool or the driver
          return call(method, args);
        default:
          return statementOrResult(method, call(method, args));
      }
    }

    /** A statement it created, wrapped (so that it reports writes and its connection). */
    private Object statementOrResult(Method method, Object result) {
      String name = method.getName();
      if (result instanceof Statement s
          && (name.equals("createStatement") || name.startsWith("prepare"))) {
        return statement(s, method.getReturnType());
      }
      return result;
    }

    private DurableConnection.PendingCommit commitAndContinue() throws SQLException {
      raw.commit();
      if (!checkpoint || !wrote) {
        return () -> { };
      }
      wrote = false;
      long ticket = flush.ticket();
      // Another thread waits while this connection runs its next transaction, so the
      // checkpoint runs on a connection of its own: on H2, CHECKPOINT commits the open
      // transaction of the connection it runs on. The connection is borrowed before the wait,
      // never while other commits wait for this one's checkpoint (a full pool would stall).
      return () -> {
        if (flush.isDurable(ticket)) {
          return;
        }
        try (Connection other = delegate.getConnection()) {
          flush.await(ticket, () -> GroupFlush.checkpoint(other));
        }
      };
    }

    /** Waits for the ticket's checkpoint, running it on this connection when it is the one. */
    private void durable(long ticket) throws SQLException {
      flush.await(ticket, () -> GroupFlush.checkpoint(raw));
    }

    /** A statement execution wrote (or may have): note it, and flush an auto-committed one. */
    void wrote() throws SQLException {
      if (!checkpoint) {
        return;
      }
      if (autoCommit) {
        durable(flush.ticket());
      } else {
        wrote = true;
      }
    }

    private Object statement(Statement raw, Class<?> type) {
      Class<?> iface = type == CallableStatement.class ? CallableStatement.class
          : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
      return Proxy.newProxyInstance(DurableDataSource.class.getClassLoader(),
          new Class<?>[] {iface}, new Writes(raw, this));
    }

    private Object call(Method method, Object[] args) throws Throwable {
      return invokeOn(raw, method, args);
    }
  }

  /** A statement that tells its connection when an execution wrote. */
  private static final class Writes implements InvocationHandler {
    private final Statement raw;
    private final Tracking connection;

    Writes(Statement raw, Tracking connection) {
      this.raw = raw;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "getConnection":
          return connection.proxy;
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(self) ? self : invokeOn(raw, method, args);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(self) || (Boolean) invokeOn(raw, method, args);
        case "equals":
          return self == args[0];
        case "hashCode":
          return System.identityHashCode(self);
        case "toString":
          return "durable " + raw;
        default:
          break;
      }
      Object result = invokeOn(raw, method, args);
      // a query only reads; execute, executeUpdate and the batches may write (a CALL, a DDL
      // statement or an update through execute all count): the next commit flushes
      if (name.startsWith("execute") && !name.equals("executeQuery")) {
        connection.wrote();
      }
      return result;
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
