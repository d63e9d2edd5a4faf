/*
 * Starting a process without forking Node (src/workspace/native-spawn.ts). Node 20's libuv starts
 * a child with fork(): the kernel copies the page tables of the whole process, 8-14 ms of the main
 * thread at ~60 MB (`doi --refresh` starts 150 gits: 1.5 s), plus ~7 ms loading child_process,
 * net and dgram the first time. posix_spawn (glibc: clone with CLONE_VM|CLONE_VFORK) copies
 * nothing, and it runs here on a thread of the process's own, which then feeds the child its
 * input, reads its stdout and stderr, and waits for it; the main thread only receives the bytes.
 *
 *   spawnProcess(file, argv, env, cwd, input, captureStderr, onEvent) -> id (0: not started)
 *   killProcess(id, signal) -> bool
 *
 * file: the program's absolute path (no PATH search); argv: its arguments from argv[0]; env:
 * "NAME=value" strings, its whole environment; cwd: the folder it starts in, or null for this
 * process's; input: a Buffer written to its stdin (then closed), or null for /dev/null;
 * captureStderr: a pipe for stderr, else /dev/null. onEvent(1, chunk) for each chunk of stdout,
 * onEvent(2, chunk) for stderr, then once onEvent(3, code, signal, errno): the exit code (-1 when
 * a signal ended it or it did not start), the signal's number (0: none), and the errno of a start
 * that failed (0: it started; ENOENT for a missing program or folder). The pending calls keep
 * Node's event loop alive until the last one. killProcess sends a signal to a child not yet
 * waited for (never to a process that took its pid afterwards); false when it has ended.
 *
 * The child gets every signal at its default disposition and none blocked, as libuv's own start
 * gives it: Node ignores SIGPIPE, and an ignored signal would survive exec. (glibc keeps its two
 * internal real-time signals, 32 and 33, ignored in the child: it needs them so while the child
 * shares the parent's memory; a glibc program sets them up again.)
 */
#define _GNU_SOURCE
#include "spawn_process.h"
#include "napi_helpers.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK_BYTES 65536

enum { EVENT_STDOUT = 1, EVENT_STDERR = 2, EVENT_END = 3 };

typedef struct spawn_job {
  napi_threadsafe_function deliver;
  uint32_t id;
  char *file;
  char **argv;
  char **env;
  char *cwd;
  unsigned char *input;
  size_t input_length;
  bool capture_stderr;
  /* Under `jobs_lock`: the child's pid once started, and whether it has been waited for. */
  pid_t pid;
  bool reaped;
  struct spawn_job *next;
} spawn_job;

/* The jobs whose thread runs, for killProcess. */
static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static spawn_job *jobs = NULL;
static uint32_t last_id = 0;

/* One call of onEvent: a chunk of output, or the end. */
typedef struct {
  int kind;
  char *data;
  size_t length;
  int code;
  int signal;
  int error;
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
  free(job->cwd);
  free(job->input);
  free(job);
}

/* On the main thread: hands one delivery to onEvent; an exception it throws is Node's uncaught one. */
static void call_on_event(napi_env env, napi_value on_event, void *context, void *data) {
  (void)context;
  delivery *d = data;
  if (env != NULL && on_event != NULL) {
    napi_value argv[4], receiver;
    size_t argc;
    napi_create_int32(env, d->kind, &argv[0]);
    if (d->kind == EVENT_END) {
      napi_create_int32(env, d->code, &argv[1]);
      napi_create_int32(env, d->signal, &argv[2]);
      napi_create_int32(env, d->error, &argv[3]);
      argc = 4;
    } else {
      void *copy;
      napi_create_buffer_copy(env, d->length, d->data, &copy, &argv[1]);
      argc = 2;
    }
    napi_get_undefined(env, &receiver);
    if (napi_call_function(env, receiver, on_event, argc, argv, NULL) == napi_pending_exception) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
  free(d->data);
  free(d);
}

static void deliver(spawn_job *job, int kind, char *data, size_t length, int code, int signal, int error) {
  delivery *d = malloc(sizeof *d);
  if (d == NULL) {
    free(data);
    return;
  }
  *d = (delivery){ .kind = kind, .data = data, .length = length, .code = code, .signal = signal, .error = error };
  if (napi_call_threadsafe_function(job->deliver, d, napi_tsfn_blocking) != napi_ok) {
    free(data);
    free(d);
  }
}

/* Starts the child on the given pipe ends (-1: /dev/null); its pid, or -1 with errno in *error. */
static pid_t start_child(spawn_job *job, int in, int out, int err, int *error) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  sigset_t none, every;
  sigemptyset(&none);
  sigfillset(&every);
  sigdelset(&every, SIGKILL);
  sigdelset(&every, SIGSTOP);
  posix_spawn_file_actions_init(&actions);
  if (in >= 0) posix_spawn_file_actions_adddup2(&actions, in, 0);
  else posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  if (err >= 0) posix_spawn_file_actions_adddup2(&actions, err, 2);
  else posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  if (job->cwd != NULL) posix_spawn_file_actions_addchdir_np(&actions, job->cwd);
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &every);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  *error = posix_spawn(&pid, job->file, &actions, &attributes, job->argv, job->env);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return *error ? -1 : pid;
}

/* A pipe whose ends are closed on exec (pipe2 where there is one: no other thread's child can
 * inherit an end between the two calls). */
static int cloexec_pipe(int fds[2]) {
#ifdef __linux__
  return pipe2(fds, O_CLOEXEC);
#else
  if (pipe(fds) != 0) return -1;
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  return 0;
#endif
}

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

/* Reads one chunk of `*fd` and delivers it as `kind`; closes it at its end. */
static void drain(spawn_job *job, int *fd, int kind) {
  char *chunk = malloc(CHUNK_BYTES);
  if (chunk == NULL) return;
  ssize_t n = read(*fd, chunk, CHUNK_BYTES);
  if (n > 0) {
    deliver(job, kind, chunk, (size_t)n, 0, 0, 0);
    return;
  }
  free(chunk);
  if (n == 0 || (errno != EINTR && errno != EAGAIN)) close_fd(fd);
}

/* Feeds stdin, reads stdout and stderr, until both outputs end. */
static void pump(spawn_job *job, int in, int out, int err) {
  size_t written = 0;
  if (in >= 0 && job->input_length == 0) close_fd(&in);
  while (out >= 0 || err >= 0) {
    struct pollfd fds[3];
    int count = 0, at_out = -1, at_err = -1, at_in = -1;
    if (out >= 0) fds[at_out = count++] = (struct pollfd){ .fd = out, .events = POLLIN };
    if (err >= 0) fds[at_err = count++] = (struct pollfd){ .fd = err, .events = POLLIN };
    if (in >= 0) fds[at_in = count++] = (struct pollfd){ .fd = in, .events = POLLOUT };
    if (poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (at_in >= 0 && fds[at_in].revents) {
      ssize_t n = write(in, job->input + written, job->input_length - written);
      if (n > 0) written += (size_t)n;
      /* Done, or the child closed its stdin (EPIPE: Node ignores SIGPIPE, so it comes as an error). */
      if (written == job->input_length || (n < 0 && errno != EINTR && errno != EAGAIN)) close_fd(&in);
    }
    if (at_out >= 0 && fds[at_out].revents) drain(job, &out, EVENT_STDOUT);
    if (at_err >= 0 && fds[at_err].revents) drain(job, &err, EVENT_STDERR);
  }
  close_fd(&in);
  close_fd(&out);
  close_fd(&err);
}

static void forget_job(spawn_job *job) {
  pthread_mutex_lock(&jobs_lock);
  for (spawn_job **at = &jobs; *at != NULL; at = &(*at)->next) {
    if (*at == job) {
      *at = job->next;
      break;
    }
  }
  pthread_mutex_unlock(&jobs_lock);
}

static void *run_job(void *arg) {
  spawn_job *job = arg;
  int code = -1, signal_number = 0, error = 0;
  int in[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 };
  bool piped = cloexec_pipe(out) == 0 && (job->input == NULL || cloexec_pipe(in) == 0) && (!job->capture_stderr || cloexec_pipe(err) == 0);
  if (!piped) error = errno;
  pid_t pid = piped ? start_child(job, in[0], out[1], err[1], &error) : -1;
  close_fd(&in[0]);
  close_fd(&out[1]);
  close_fd(&err[1]);
  if (pid > 0) {
    pthread_mutex_lock(&jobs_lock);
    job->pid = pid;
    pthread_mutex_unlock(&jobs_lock);
    if (in[1] >= 0) fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
    pump(job, in[1], out[0], err[0]);
    in[1] = out[0] = err[0] = -1;
    /* Waited for without reaping first, so that killProcess never signals a pid reused after it. */
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
    }
    pthread_mutex_lock(&jobs_lock);
    int raw = 0;
    pid_t waited;
    do waited = waitpid(pid, &raw, 0);
    while (waited < 0 && errno == EINTR);
    job->reaped = true;
    pthread_mutex_unlock(&jobs_lock);
    if (waited == pid && WIFEXITED(raw)) code = WEXITSTATUS(raw);
    else if (waited == pid && WIFSIGNALED(raw)) signal_number = WTERMSIG(raw);
  }
  close_fd(&in[1]);
  close_fd(&out[0]);
  close_fd(&err[0]);
  forget_job(job);
  deliver(job, EVENT_END, NULL, 0, code, signal_number, error);
  napi_release_threadsafe_function(job->deliver, napi_tsfn_release);
  free_job(job);
  return NULL;
}

static char *string_of(napi_env env, napi_value value) {
  size_t length;
  char *text = utf8_of(env, value, &length);
  if (text == NULL) return NULL;
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

static bool is_null(napi_env env, napi_value value) {
  napi_valuetype type;
  return napi_typeof(env, value, &type) == napi_ok && (type == napi_null || type == napi_undefined);
}

/* The job described by spawnProcess's arguments; NULL when they are not what it takes. */
static spawn_job *job_of(napi_env env, napi_value *argv) {
  spawn_job *job = calloc(1, sizeof *job);
  if (job == NULL) return NULL;
  job->file = string_of(env, argv[0]);
  job->argv = strings_of(env, argv[1]);
  job->env = strings_of(env, argv[2]);
  bool ok = job->file != NULL && job->argv != NULL && job->argv[0] != NULL && job->env != NULL;
  if (ok && !is_null(env, argv[3])) ok = (job->cwd = string_of(env, argv[3])) != NULL;
  if (ok && !is_null(env, argv[4])) {
    void *data;
    size_t length;
    ok = napi_get_buffer_info(env, argv[4], &data, &length) == napi_ok && (job->input = malloc(length > 0 ? length : 1)) != NULL;
    if (ok) {
      memcpy(job->input, data, length);
      job->input_length = length;
    }
  }
  if (ok) ok = napi_get_value_bool(env, argv[5], &job->capture_stderr) == napi_ok;
  if (!ok) {
    free_job(job);
    return NULL;
  }
  return job;
}

static napi_value spawn_process(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7], result, name;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t id = 0;
  spawn_job *job = argc == 7 ? job_of(env, argv) : NULL;
  napi_create_string_utf8(env, "custodian spawn", NAPI_AUTO_LENGTH, &name);
  if (job != NULL && napi_create_threadsafe_function(env, argv[6], NULL, name, 0, 1, NULL, NULL, NULL, call_on_event, &job->deliver) == napi_ok) {
    pthread_mutex_lock(&jobs_lock);
    job->id = ++last_id == 0 ? ++last_id : last_id;
    job->next = jobs;
    jobs = job;
    pthread_mutex_unlock(&jobs_lock);
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attributes, run_job, job) == 0) id = job->id;
    pthread_attr_destroy(&attributes);
    if (id == 0) {
      forget_job(job);
      napi_release_threadsafe_function(job->deliver, napi_tsfn_abort);
      free_job(job);
    }
  } else if (job != NULL) {
    free_job(job);
  }
  napi_create_uint32(env, id, &result);
  return result;
}

static napi_value kill_process(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t id = 0;
  int32_t signal_number = SIGTERM;
  bool sent = false;
  if (argc == 2 && napi_get_value_uint32(env, argv[0], &id) == napi_ok && napi_get_value_int32(env, argv[1], &signal_number) == napi_ok) {
    pthread_mutex_lock(&jobs_lock);
    for (spawn_job *job = jobs; job != NULL; job = job->next) {
      if (job->id == id) {
        sent = job->pid > 0 && !job->reaped && kill(job->pid, signal_number) == 0;
        break;
      }
    }
    pthread_mutex_unlock(&jobs_lock);
  }
  napi_get_boolean(env, sent, &result);
  return result;
}

void register_spawn(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "spawnProcess", NAPI_AUTO_LENGTH, spawn_process, NULL, &fn);
  napi_set_named_property(env, exports, "spawnProcess", fn);
  napi_create_function(env, "killProcess", NAPI_AUTO_LENGTH, kill_process, NULL, &fn);
  napi_set_named_property(env, exports, "killProcess", fn);
}
