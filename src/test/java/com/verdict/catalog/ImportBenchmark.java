package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Imports 20,000 and then 100,000 interactions of 3 responses each from JSONL files into an H2 file
 * database, printing the wall and CPU time and the live heap during each: the live heap must not grow with
 * the file. The CPU times tell the import's own cost apart from other processes on a busy machine.
 * Run with {@code mvn -Pbench test -Dtest=ImportBenchmark} (the bench profile caps the heap at 2 GB).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:/tmp/verdict-catalog-bench/import;AUTO_SERVER=FALSE",
        "verdict.demo.enabled=false",
        "VERDICT_ADMIN_PASSWORD=bench-password"})
class ImportBenchmark {

    static {
        FileSystemUtils.deleteRecursively(Path.of("/tmp/verdict-catalog-bench/import.mv.db").toFile());
    }

    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsOneHundredThousandInteractionsWithFlatMemory() throws Exception {
        run("small", 20_000);
        run("large", 100_000);
    }

    private void run(String prefix, int count) throws Exception {
        Path file = SampleFiles.write(prefix, count, 3, 100);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakLive = new AtomicLong(before);
        // Live heap: what is left right after a full collection, every few seconds during the import.
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long threadCpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = catalog.importJsonl(in, ImportMode.ALL_OR_NOTHING);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
        long threadCpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuBefore) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        System.out.printf("BENCHMARK import: %,d interactions x 3 responses (%,d MB file) in %,d ms wall "
                        + "(%,.0f lines/s); CPU: importing thread %,d ms, whole JVM %,d ms; load average %.1f; "
                        + "live heap before %,d MB, at most %,d MB during the import (max heap %,d MB)%n",
                count, Files.size(file) >> 20, millis, count * 1000.0 / millis, threadCpuMillis, cpuMillis,
                os.getSystemLoadAverage(), before >> 20, peakLive.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        assertThat(result.imported()).isEqualTo(count);
        assertThat(jdbc.queryForObject("select count(*) from pair where interaction_id in (select id from interaction "
                + "where external_id like ?)", Long.class, prefix + "-%")).isEqualTo(3L * count);
        Files.delete(file);
    }
}
