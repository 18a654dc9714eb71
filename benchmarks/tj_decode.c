/* libjpeg-turbo's own decode rate: the benchmark's JPEGs decoded with tjDecompress2 to RGB with the flags
 * FFCV's imdecode uses (TJFLAG_FASTDCT), by `threads` threads each with its own decompressor, as FFCV's
 * workers do. Input: a file of records (uint64 size, then the JPEG's bytes). Prints one JSON line.
 *
 *     cc -O2 tj_decode.c -I<prefix>/include <prefix>/lib/libturbojpeg.a -lpthread -o tj_decode
 *     ./tj_decode images.bin rounds threads
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <turbojpeg.h>

typedef struct {
    unsigned char **jpegs;
    unsigned long *sizes;
    size_t count, first, step;
    int rounds;
    long decoded;
    int failed;
} Work;

static double seconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

static void *decode(void *argument) {
    Work *work = argument;
    tjhandle handle = tjInitDecompress();
    unsigned char *rgb = NULL;
    size_t capacity = 0;
    for (int round = 0; round < work->rounds; round++) {
        for (size_t i = work->first; i < work->count; i += work->step) {
            int width, height, subsampling, colourspace;
            if (tjDecompressHeader3(handle, work->jpegs[i], work->sizes[i], &width, &height, &subsampling,
                                    &colourspace)) {
                work->failed = 1;
                continue;
            }
            size_t need = (size_t) width * height * 3;
            if (need > capacity) {
                free(rgb);
                rgb = malloc(need);
                capacity = need;
            }
            if (tjDecompress2(handle, work->jpegs[i], work->sizes[i], rgb, width, 0, height, TJPF_RGB,
                              TJFLAG_FASTDCT | TJFLAG_NOREALLOC)) {
                work->failed = 1;
                continue;
            }
            work->decoded++;
        }
    }
    free(rgb);
    tjDestroy(handle);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s images.bin rounds threads\n", argv[0]);
        return 2;
    }
    FILE *input = fopen(argv[1], "rb");
    if (!input) {
        perror(argv[1]);
        return 1;
    }
    int rounds = atoi(argv[2]), threads = atoi(argv[3]);
    size_t count = 0, capacity = 1024;
    unsigned char **jpegs = malloc(capacity * sizeof *jpegs);
    unsigned long *sizes = malloc(capacity * sizeof *sizes);
    uint64_t size;
    while (fread(&size, sizeof size, 1, input) == 1) {
        if (count == capacity) {
            capacity *= 2;
            jpegs = realloc(jpegs, capacity * sizeof *jpegs);
            sizes = realloc(sizes, capacity * sizeof *sizes);
        }
        jpegs[count] = malloc(size);
        sizes[count] = (unsigned long) size;
        if (fread(jpegs[count], 1, size, input) != size) {
            fprintf(stderr, "%s: truncated record %zu\n", argv[1], count);
            return 1;
        }
        count++;
    }
    fclose(input);
    Work first_round = {jpegs, sizes, count, 0, 1, 1, 0, 0};
    decode(&first_round); /* warm-up: pages and caches, as the Loader's warm-up epoch */
    pthread_t *ids = malloc(threads * sizeof *ids);
    Work *work = calloc(threads, sizeof *work);
    double wall = seconds(CLOCK_MONOTONIC), cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (int t = 0; t < threads; t++) {
        work[t] = (Work) {jpegs, sizes, count, (size_t) t, (size_t) threads, rounds, 0, 0};
        pthread_create(&ids[t], NULL, decode, &work[t]);
    }
    long decoded = 0;
    int failed = first_round.failed;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        decoded += work[t].decoded;
        failed |= work[t].failed;
    }
    wall = seconds(CLOCK_MONOTONIC) - wall;
    cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    printf("RESULT {\"images\": %ld, \"images_per_second\": %.1f, \"cpu_ms_per_image\": %.4f, \"failed\": %s}\n",
           decoded, decoded / wall, 1000 * cpu / decoded, failed ? "true" : "false");
    return failed;
}
