/*
 * Starting a process without forking Node (src/workspace/native-spawn.ts). Node 20's libuv starts
 * a child with fork(): the kernel copies the page tables of the whole ~60 MB process, 8-14 ms of
 * the main thread, plus ~7 ms loading child_process, net and dgram the first time. A pre-commit
 * check starts one such process. posix_spawn (glibc: clone with CLONE_VM|CLONE_VFORK) copies
 * nothing, and it runs here on a thread of its own, which then reads the child's stdout and waits
 * for it, so the main thread only receives the bytes.
 *
 *   spawnReading(file, argv, env, onData) -> bool
 *
 * file: the program's absolute path (no PATH search); argv: its arguments from argv[0]; env:
 * "NAME=value" strings, its whole environment. stdin and stderr are /dev/null, stdout a pipe.
 * onData(chunk) for each chunk of stdout as it comes, then onData(null, status) once: the exit
 * status, 128 + the signal that killed it, or -1 when it could not start. Returns false when the
 * thread could not be started (nothing was called, nothing will be). The pending call keeps Node's
 * event loop alive until the last one.
 *
 * The child gets every signal at its default disposition and none blocked, as libuv's own start
 * gives it: Node ignores SIGPIPE, and an ignored signal would survive exec. (glibc keeps its two
 * internal real-time signals, 32 and 33, ignored in the child: it needs them so while the child
 * shares the parent's memory; a glibc program sets them up again.)
 */
#define _GNU_SOURCE
#include "spawn_reading.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK_BYTES 65536

typedef struct {
  napi_threadsafe_function deliver;
  char *file;
  char **argv;
  char **env;
} spawn_job;

/* One call of onData: a chunk of stdout, or (data NULL) the end and the exit status. */
typedef struct {
  char *data;
  size_t length;
  int status;
} delivery;

static void free_strings(char **list) {
  if (list == NULL) return;
  for (char **s = list; *s != NULL; s++) free(*s);
  free(list);
}

static void free_job(spawn_job *job) {
  free(job->file);
  free_strings(job->argv);
  free_strings(job->env);
  free(job);
}

/* On the main thread: hands one delivery to onData; an exception it throws is Node's uncaught one. */
static void call_on_data(napi_env env, napi_value on_data, void *context, void *data) {
  (void)context;
  delivery *d = data;
  if (env != NULL && on_data != NULL) {
    napi_value argv[2], receiver;
    if (d->data != NULL) {
      void *copy;
      napi_create_buffer_copy(env, d->length, d->data, &copy, &argv[0]);
      napi_get_undefined(env, &argv[1]);
    } else {
      napi_get_null(env, &argv[0]);
      napi_create_int32(env, d->status, &argv[1]);
    }
    napi_get_undefined(env, &receiver);
    if (napi_call_function(env, receiver, on_data, 2, argv, NULL) == napi_pending_exception) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
  free(d->data);
  free(d);
}

static void deliver(spawn_job *job, char *data, size_t length, int status) {
  delivery *d = malloc(sizeof *d);
  if (d == NULL) {
    free(data);
    return;
  }
  d->data = data;
  d->length = length;
  d->status = status;
  if (napi_call_threadsafe_function(job->deliver, d, napi_tsfn_blocking) != napi_ok) {
    free(data);
    free(d);
  }
}

/* Starts the child with stdout on `out`; its pid, or -1. */
static pid_t start_child(spawn_job *job, int out) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  sigset_t none, every;
  sigemptyset(&none);
  sigfillset(&every);
  sigdelset(&every, SIGKILL);
  sigdelset(&every, SIGSTOP);
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &every);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int failed = posix_spawn(&pid, job->file, &actions, &attributes, job->argv, job->env);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return failed ? -1 : pid;
}

static void *run_job(void *arg) {
  spawn_job *job = arg;
  int status = -1;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) == 0) {
    pid_t pid = start_child(job, fds[1]);
    close(fds[1]);
    if (pid > 0) {
      for (;;) {
        char *chunk = malloc(CHUNK_BYTES);
        if (chunk == NULL) break;
        ssize_t n = read(fds[0], chunk, CHUNK_BYTES);
        if (n <= 0) {
          free(chunk);
          if (n < 0 && errno == EINTR) continue;
          break;
        }
        deliver(job, chunk, (size_t)n, 0);
      }
      int raw;
      pid_t waited;
      do waited = waitpid(pid, &raw, 0);
      while (waited < 0 && errno == EINTR);
      if (waited == pid) status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
    }
    close(fds[0]);
  }
  deliver(job, NULL, 0, status);
  napi_release_threadsafe_function(job->deliver, napi_tsfn_release);
  free_job(job);
  return NULL;
}

static char *string_of(napi_env env, napi_value value) {
  size_t length;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok) return NULL;
  char *text = malloc(length + 1);
  if (text == NULL) return NULL;
  napi_get_value_string_utf8(env, value, text, length + 1, &length);
  /* A NUL inside would end the argument early: refused, as Node's spawn refuses it. */
  if (strlen(text) != length) {
    free(text);
    return NULL;
  }
  return text;
}

/* A NULL-terminated copy of an array of strings; NULL when it is not one. */
static char **strings_of(napi_env env, napi_value array) {
  uint32_t count;
  if (napi_get_array_length(env, array, &count) != napi_ok) return NULL;
  char **list = calloc((size_t)count + 1, sizeof *list);
  if (list == NULL) return NULL;
  for (uint32_t i = 0; i < count; i++) {
    napi_value item;
    napi_get_element(env, array, i, &item);
    if ((list[i] = string_of(env, item)) == NULL) {
      free_strings(list);
      return NULL;
    }
  }
  return list;
}

static napi_value spawn_reading(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  bool started = false;
  spawn_job *job = calloc(1, sizeof *job);
  if (argc == 4 && job != NULL) {
    job->file = string_of(env, argv[0]);
    job->argv = strings_of(env, argv[1]);
    job->env = strings_of(env, argv[2]);
    napi_value name;
    napi_create_string_utf8(env, "custodian spawn", NAPI_AUTO_LENGTH, &name);
    if (job->file != NULL && job->argv != NULL && job->argv[0] != NULL && job->env != NULL &&
        napi_create_threadsafe_function(env, argv[3], NULL, name, 0, 1, NULL, NULL, NULL, call_on_data, &job->deliver) == napi_ok) {
      pthread_t thread;
      pthread_attr_t attributes;
      pthread_attr_init(&attributes);
      pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
      started = pthread_create(&thread, &attributes, run_job, job) == 0;
      pthread_attr_destroy(&attributes);
      if (!started) napi_release_threadsafe_function(job->deliver, napi_tsfn_abort);
    }
  }
  if (!started && job != NULL) free_job(job);
  napi_get_boolean(env, started, &result);
  return result;
}

void register_spawn(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "spawnReading", NAPI_AUTO_LENGTH, spawn_reading, NULL, &fn);
  napi_set_named_property(env, exports, "spawnReading", fn);
}
