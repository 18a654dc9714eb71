// FFCV's RandomResizedCrop resize (libffcv.cpp's resize(): cv::resize INTER_AREA of a crop of a 256x256 RGB
// image to 224x224), over crops drawn as FFCV's get_random_crop draws them. Prints thread CPU ns per image.
// Used to choose OpenCV's build options (vendor_scripts/pins.toml): build it once per OpenCV prefix and run
// the binaries alternately, e.g.
//   g++ -O2 resize_bench.cpp -I$P/include/opencv4 $P/lib/libopencv_imgproc.a $P/lib/libopencv_core.a -ldl -lpthread -o rb
//   g++ -O2 resize_bench.cpp $(pkg-config --cflags --libs opencv4) -o rb-system   # the system's OpenCV
//   ./rb 1000 5   (crops, rounds)
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <algorithm>
#include <time.h>

struct Crop { int r0, r1, c0, c1; };

static double thread_ns() { timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec * 1e9 + t.tv_nsec; }

int main(int argc, char** argv) {
    int n = argc > 1 ? atoi(argv[1]) : 2000, rounds = argc > 2 ? atoi(argv[2]) : 5;
    const int H = 256, W = 256, T = 224;
    cv::Mat src(H, W, CV_8UC3);
    std::mt19937 rng(0);
    for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) for (int c = 0; c < 3; c++)
        src.at<cv::Vec3b>(y, x)[c] = (uint8_t)std::min(255, std::max(0, (int)(x * (c + 1) / 3 + y / 2 + (int)(rng() % 25) - 12)));
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<Crop> crops;
    for (int i = 0; i < n; i++) {  // FFCV get_random_crop: scale (0.08, 1), ratio (3/4, 4/3), 10 tries
        Crop crop{0, H, 0, W}; bool found = false;
        for (int t = 0; t < 10 && !found; t++) {
            double area = H * W * (0.08 + u(rng) * 0.92);
            double ratio = std::exp(std::log(0.75) + u(rng) * (std::log(4.0 / 3) - std::log(0.75)));
            int w = (int)std::round(std::sqrt(area * ratio)), h = (int)std::round(std::sqrt(area / ratio));
            if (w > 0 && h > 0 && w <= W && h <= H) {
                int r = rng() % (H - h + 1), c = rng() % (W - w + 1);
                crop = {r, r + h, c, c + w}; found = true;
            }
        }
        crops.push_back(crop);
    }
    cv::Mat dst(T, T, CV_8UC3);
    std::vector<double> per;
    for (int r = 0; r < rounds; r++) {
        double t0 = thread_ns();
        for (auto& k : crops)
            cv::resize(src.colRange(k.c0, k.c1).rowRange(k.r0, k.r1), dst, dst.size(), 0, 0, cv::INTER_AREA);
        per.push_back((thread_ns() - t0) / n);
    }
    std::sort(per.begin(), per.end());
    printf("RESULT {\"min_ns\": %.0f, \"median_ns\": %.0f, \"opencv\": \"%s\", \"threads\": %d}\n", per[0], per[per.size() / 2],
           CV_VERSION, cv::getNumThreads());
    return 0;
}
