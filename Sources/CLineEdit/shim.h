#ifndef ORGRAPH_CLINEEDIT_SHIM_H
#define ORGRAPH_CLINEEDIT_SHIM_H

// A thin layer over libedit for Swift: libedit configures itself through the variadic `el_set`, `el_get`
// and `history` functions, which Swift cannot call. Each function below fixes one variadic call to a typed
// signature. The non-variadic libedit API (`el_gets`, `el_line`, `el_insertstr`, `el_deletestr`,
// `el_reset`, `el_source`, `el_end`, `history_init`, `history_end`) is called from Swift directly.
//
// A system library target holds no .c file, so every function here is `static inline`.

#include <histedit.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/// The prompt callback: returns the prompt for this editor (owned by the caller, valid until the next call).
typedef char *(*orgraph_el_prompt_function)(EditLine *);

/// A user-defined editor command, bound to a key with `orgraph_el_bind`; returns one of the `CC_*` codes.
typedef unsigned char (*orgraph_el_command_function)(EditLine *, int);

/// A SIGINT handler.
typedef void (*orgraph_signal_handler)(int);

// MARK: - Editor

/// Creates an editor on the process's standard input, output and error.
static inline EditLine *orgraph_el_open(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

/// Stores a pointer the callbacks get back with `orgraph_el_client_data` (EL_CLIENTDATA).
static inline int orgraph_el_set_client_data(EditLine *editor, void *data) {
  return el_set(editor, EL_CLIENTDATA, data);
}

/// The pointer stored with `orgraph_el_set_client_data`, or NULL.
static inline void *orgraph_el_client_data(EditLine *editor) {
  void *data = NULL;
  if (el_get(editor, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

/// Sets the prompt callback (EL_PROMPT_ESC). Characters of the prompt between two `ignore` characters
/// (such as colour escape sequences) are printed but take no room on the line; pass '\0' for none.
static inline int orgraph_el_set_prompt(EditLine *editor, orgraph_el_prompt_function prompt, char ignore) {
  return el_set(editor, EL_PROMPT_ESC, prompt, ignore);
}

/// Selects the key bindings: "emacs" or "vi" (EL_EDITOR).
static inline int orgraph_el_set_editor(EditLine *editor, const char *mode) {
  return el_set(editor, EL_EDITOR, mode);
}

/// With a non-zero flag libedit restores the terminal on SIGINT, SIGTSTP, SIGTERM…, redraws after SIGCONT
/// and follows SIGWINCH, then passes each signal on to the handler installed before (EL_SIGNAL).
static inline int orgraph_el_set_signal_handling(EditLine *editor, int enabled) {
  return el_set(editor, EL_SIGNAL, enabled);
}

/// Binds a key sequence ("^R", "^I", "\\e[1;5C") to a built-in or added command (EL_BIND).
static inline int orgraph_el_bind(EditLine *editor, const char *key, const char *command) {
  return el_set(editor, EL_BIND, key, command, (const char *)NULL);
}

/// Adds a named editor command implemented by `function`, to be bound with `orgraph_el_bind` (EL_ADDFN).
static inline int orgraph_el_add_function(
  EditLine *editor, const char *name, const char *help, orgraph_el_command_function function
) {
  return el_set(editor, EL_ADDFN, name, help, function);
}

/// Connects a history list to the editor, for Up, Down and reverse search (EL_HIST).
static inline int orgraph_el_set_history(EditLine *editor, History *list) {
  return el_set(editor, EL_HIST, history, list);
}

/// Forgets what libedit believes is on the screen and draws the prompt and line again at the cursor, which
/// must be at the start of an empty line (EL_REFRESH).
static inline int orgraph_el_redraw(EditLine *editor) {
  return el_set(editor, EL_REFRESH);
}

/// The terminal's width in columns, as libedit knows it (EL_GETTC "co"); 0 when unknown.
static inline int orgraph_el_columns(EditLine *editor) {
  int columns = 0;
  if (el_get(editor, EL_GETTC, "co", &columns, (void *)NULL) != 0) return 0;
  return columns;
}

// MARK: - History

/// Sets the maximum number of entries kept; older ones are dropped (H_SETSIZE).
static inline int orgraph_history_set_size(History *list, int size) {
  HistEvent event;
  return history(list, &event, H_SETSIZE, size);
}

/// With a non-zero flag, an entry equal to the newest one is not added again (H_SETUNIQUE).
static inline int orgraph_history_set_unique(History *list, int unique) {
  HistEvent event;
  return history(list, &event, H_SETUNIQUE, unique);
}

/// Adds an entry as the newest (H_ENTER); returns -1 on failure.
static inline int orgraph_history_enter(History *list, const char *entry) {
  HistEvent event;
  return history(list, &event, H_ENTER, entry);
}

/// Adds the entries of a history file; returns how many, or -1 (H_LOAD).
static inline int orgraph_history_load(History *list, const char *path) {
  HistEvent event;
  return history(list, &event, H_LOAD, path);
}

/// Writes every entry to a history file, readable only by its owner; returns how many, or -1 (H_SAVE).
static inline int orgraph_history_save(History *list, const char *path) {
  HistEvent event;
  return history(list, &event, H_SAVE, path);
}

/// Removes every entry (H_CLEAR).
static inline int orgraph_history_clear(History *list) {
  HistEvent event;
  return history(list, &event, H_CLEAR);
}

/// Moves the history cursor — H_FIRST (newest), H_LAST (oldest), H_NEXT (one older), H_PREV (one newer) —
/// and returns the entry there, or NULL past either end. The string is owned by the history list.
static inline const char *orgraph_history_step(History *list, int operation) {
  HistEvent event;
  if (history(list, &event, operation) != 0) return NULL;
  return event.str;
}

// MARK: - Terminal

/// Writes a UTF-8 string to standard output, the stream libedit draws on, and flushes it.
static inline void orgraph_write_output(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}

/// glibc declares wcwidth only for _XOPEN_SOURCE, which the Swift Glibc module is not built with.
int wcwidth(wchar_t character);

/// The number of columns a character takes on the terminal (2 for wide ones), or -1 when not printable.
static inline int orgraph_character_width(unsigned int character) { return wcwidth((wchar_t)character); }

// MARK: - Signals

/// Installs `handler` for SIGINT with `sigaction` and without SA_RESTART, so that a blocking `read` (and
/// with it `el_gets`) returns EINTR instead of being restarted. Then unblocks SIGINT, and the signals
/// libedit follows while editing (SIGWINCH, SIGTSTP, SIGCONT), on the calling thread: a process started
/// from a thread that blocks signals inherits that mask, and Ctrl-C would do nothing. Returns 0 on success.
static inline int orgraph_install_sigint_handler(orgraph_signal_handler handler) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  if (sigaction(SIGINT, &action, NULL) != 0) return -1;
  sigset_t unblocked;
  sigemptyset(&unblocked);
  sigaddset(&unblocked, SIGINT);
  sigaddset(&unblocked, SIGWINCH);
  sigaddset(&unblocked, SIGTSTP);
  sigaddset(&unblocked, SIGCONT);
  return pthread_sigmask(SIG_UNBLOCK, &unblocked, NULL);
}

/// Atomically reads a flag shared with a signal handler.
static inline int orgraph_flag_load(int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }

/// Atomically sets a flag shared with a signal handler (async-signal-safe).
static inline void orgraph_flag_store(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }

/// Atomically sets a flag and returns its previous value.
static inline int orgraph_flag_exchange(int *flag, int value) {
  return __atomic_exchange_n(flag, value, __ATOMIC_SEQ_CST);
}

#endif
