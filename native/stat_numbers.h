/* A stat's times as Node reports them (mtimeMs, ctimeMs), for each C file of the addon that stats. */
#ifndef CUSTODIAN_STAT_NUMBERS_H
#define CUSTODIAN_STAT_NUMBERS_H
#include <sys/stat.h>
#include <time.h>

#if defined(__APPLE__)
#define MTIME(st) ((st).st_mtimespec)
#define CTIME(st) ((st).st_ctimespec)
#else
#define MTIME(st) ((st).st_mtim)
#define CTIME(st) ((st).st_ctim)
#endif

/* Node's mtimeMs: seconds * 1e3 + nanoseconds / 1e6, in doubles (lib/internal/fs/utils.js). */
static inline double ms_of(struct timespec t) {
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

#endif
