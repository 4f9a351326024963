/*
 * bare_parse: the floor for any libyaml-based checker.
 *
 * Reads each file into memory and pulls every libyaml event (yaml_parser_parse +
 * yaml_event_delete) until the end of the stream. Nothing else: no tree, no
 * schema, no rules. Whatever modelreg spends above this is its own work.
 *
 *   cc -O2 bench/bare_parse.c -lyaml -lpthread -o bare_parse
 *   bare_parse [-j THREADS] [-d DIR] [-l LISTFILE] [FILE...]
 *
 *   -j THREADS  parse on THREADS threads (default 1); files are handed out one at
 *               a time from a shared counter
 *   -d DIR      every *.yaml / *.yml file in DIR (listed and sorted, as a
 *               registry checker would)
 *   -l LISTFILE file names, one per line
 *
 * Prints "N files, E events, B bytes, T s" on stderr (T measured inside, from the
 * first read to the last event) and exits 1 if any file fails to read or parse.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

static char **paths;
static size_t path_count, path_capacity;

static void add_path(const char *path) {
    if (path_count == path_capacity) {
        path_capacity = path_capacity ? path_capacity * 2 : 1024;
        paths = realloc(paths, path_capacity * sizeof *paths);
        if (!paths) { perror("realloc"); exit(2); }
    }
    paths[path_count] = strdup(path);
    if (!paths[path_count]) { perror("strdup"); exit(2); }
    path_count++;
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *name, const char *suffix) {
    size_t n = strlen(name), s = strlen(suffix);
    return n >= s && strcmp(name + n - s, suffix) == 0;
}

static void add_directory(const char *dir) {
    DIR *handle = opendir(dir);
    if (!handle) { fprintf(stderr, "bare_parse: %s: %s\n", dir, strerror(errno)); exit(2); }
    size_t first = path_count;
    struct dirent *entry;
    while ((entry = readdir(handle)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        if (!has_suffix(entry->d_name, ".yaml") && !has_suffix(entry->d_name, ".yml")) continue;
        char *full;
        if (asprintf(&full, "%s/%s", dir, entry->d_name) < 0) { perror("asprintf"); exit(2); }
        add_path(full);
        free(full);
    }
    closedir(handle);
    qsort(paths + first, path_count - first, sizeof *paths, compare_strings);
}

static void add_list(const char *list) {
    FILE *file = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!file) { fprintf(stderr, "bare_parse: %s: %s\n", list, strerror(errno)); exit(2); }
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, file)) > 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        if (length > 0) add_path(line);
    }
    free(line);
    if (file != stdin) fclose(file);
}

/* Reads the whole file; returns its length or -1. */
static long read_file(const char *path, unsigned char **out, size_t *capacity) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    struct stat info;
    if (fstat(fd, &info) != 0) { close(fd); return -1; }
    size_t want = (size_t)info.st_size + 1;
    if (want > *capacity) {
        free(*out);
        *capacity = want * 2;
        *out = malloc(*capacity);
        if (!*out) { close(fd); return -1; }
    }
    size_t total = 0;
    for (;;) {
        if (total == *capacity) {
            *capacity *= 2;
            unsigned char *grown = realloc(*out, *capacity);
            if (!grown) { close(fd); return -1; }
            *out = grown;
        }
        ssize_t got = read(fd, *out + total, *capacity - total);
        if (got < 0) { if (errno == EINTR) continue; close(fd); return -1; }
        if (got == 0) break;
        total += (size_t)got;
    }
    close(fd);
    return (long)total;
}

struct totals {
    unsigned long files, events, bytes, failures;
};

static size_t next_index; /* shared work counter */

static void *worker(void *arg) {
    struct totals *totals = arg;
    unsigned char *buffer = NULL;
    size_t capacity = 0;
    for (;;) {
        size_t index = __atomic_fetch_add(&next_index, 1, __ATOMIC_RELAXED);
        if (index >= path_count) break;
        long length = read_file(paths[index], &buffer, &capacity);
        if (length < 0) {
            fprintf(stderr, "bare_parse: %s: %s\n", paths[index], strerror(errno));
            totals->failures++;
            continue;
        }
        yaml_parser_t parser;
        if (!yaml_parser_initialize(&parser)) { fprintf(stderr, "bare_parse: out of memory\n"); exit(2); }
        yaml_parser_set_input_string(&parser, buffer, (size_t)length);
        int done = 0;
        while (!done) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "bare_parse: %s:%lu:%lu: %s\n", paths[index],
                        (unsigned long)parser.problem_mark.line + 1, (unsigned long)parser.problem_mark.column + 1,
                        parser.problem ? parser.problem : "parse error");
                totals->failures++;
                break;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            totals->events++;
        }
        yaml_parser_delete(&parser);
        totals->files++;
        totals->bytes += (unsigned long)length;
    }
    free(buffer);
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1;
    int option;
    while ((option = getopt(argc, argv, "j:d:l:h")) != -1) {
        switch (option) {
        case 'j': threads = atoi(optarg); break;
        case 'd': add_directory(optarg); break;
        case 'l': add_list(optarg); break;
        default:
            fprintf(stderr, "usage: %s [-j THREADS] [-d DIR] [-l LISTFILE] [FILE...]\n", argv[0]);
            return 2;
        }
    }
    for (int i = optind; i < argc; i++) add_path(argv[i]);
    if (threads < 1) threads = 1;
    if (path_count == 0) { fprintf(stderr, "bare_parse: no files\n"); return 2; }

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct totals *totals = calloc((size_t)threads, sizeof *totals);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    for (int t = 1; t < threads; t++) pthread_create(&ids[t], NULL, worker, &totals[t]);
    worker(&totals[0]);
    for (int t = 1; t < threads; t++) pthread_join(ids[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);

    struct totals sum = {0, 0, 0, 0};
    for (int t = 0; t < threads; t++) {
        sum.files += totals[t].files;
        sum.events += totals[t].events;
        sum.bytes += totals[t].bytes;
        sum.failures += totals[t].failures;
    }
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    fprintf(stderr, "%lu files, %lu events, %lu bytes, %.4f s, %d thread%s\n", sum.files, sum.events, sum.bytes,
            seconds, threads, threads == 1 ? "" : "s");
    return sum.failures ? 1 : 0;
}
