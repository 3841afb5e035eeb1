/** The incident store in one SQLite file (WAL, fsync on commit), on a named worker thread. */
package io.shouwang.alerting.store.sqlite;
