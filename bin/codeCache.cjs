/**
 * A V8 code cache for the CLI bundle's chunks (out/cli), made AFTER a
 * command ran, so it holds every function the command executed.
 *
 * Why not only Node's module compile cache (which bin/dealerdesk.cjs still
 * enables for everything else): Node writes a file's cache right after
 * compiling it, before running it, so it holds the top-level code only;
 * V8 compiles every function lazily on its first call, and a command's
 * functions (Kysely's query building, zod's checks, the report) were
 * compiled again at every start — about half of the query's time (issue 17
 * point 3). A cache created at exit (vm.Script#createCachedData) holds them.
 *
 * One cache per command (its first word): `aging` keeps the functions aging
 * runs, each made by the first run of that command after a build. A file's
 * cache is named by the bundle's directory, the build (the entry's
 * modification time) and the file's name, size and modification time, so a
 * rebuilt bundle never meets an old cache (and V8 itself refuses a cache
 * made by another Node version or for another source length); the first run
 * after a build removes that command's caches of earlier builds. Written to
 * a temporary name and renamed, so parallel commands never read half a
 * file; any failure (no temp dir, a refused cache) only means compiling as
 * usual. Only a cache folder of this user's own, writable by no one else, is
 * used (ownedPrivately), and a run that died with the caches loaded has them
 * written anew (markRunning). NODE_DISABLE_COMPILE_CACHE=1 (Node's own
 * switch) turns this off too.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** The bin, which Node ran: what require.main is in every module. */
const mainModule = require.main;

/** A short stable hash of a string (FNV-1a), so the cache of one checkout's file never serves another's. */
function hashOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Whether the cache folder (created here when missing) belongs to this user
 * alone. A code cache is code: on a machine whose temp folder is shared
 * (/tmp on Linux), a folder another user made or can write into could hand
 * us their code, so then there is no cache. (Windows gives every user a
 * temp folder of their own.)
 */
function ownedPrivately(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== 'function') return true;
    const stat = fs.statSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Whether a process with this id is running (another user's counts: kill answers EPERM). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * V8 does not check a code cache's contents (only its version, flags and
 * lengths): a cache damaged on disk can crash the process (a segmentation
 * fault), and would at every start. So each run using a command's caches
 * marks that it runs (running-<pid>, removed when it exits); a mark left by
 * a process that is gone means a run died with these caches loaded, and the
 * command's caches are dropped and written anew. (A command stopped with
 * Ctrl+C leaves a mark too: that costs one run without cache.) Returns the
 * mark to remove at exit, or null when no cache is to be read.
 */
function markRunning(cacheDir) {
  let present;
  try {
    present = fs.readdirSync(cacheDir);
  } catch {
    return null; // no caches yet
  }
  const died = present.some((f) => f.startsWith('running-') && !running(Number(f.slice('running-'.length))));
  if (died) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    return null;
  }
  const mark = path.join(cacheDir, `running-${process.pid}`);
  try {
    fs.writeFileSync(mark, '');
    return mark;
  } catch {
    return null;
  }
}

/**
 * Loads every `.cjs` file of the bundle whose entry is `entryFile` (the
 * entry and its chunks) through a code cache kept for `command`; other files
 * load as before.
 */
function useCodeCache(entryFile, command) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return;
  const bundleDir = path.dirname(entryFile);
  const root = path.join(os.tmpdir(), 'dealerdesk-code-cache');
  if (!ownedPrivately(root)) return;
  const cacheDir = path.join(root, `${process.version}-${process.arch}`, command);
  const mark = markRunning(cacheDir);
  const prefix = bundleDir + path.sep;
  /** This checkout's and this build's marks in the cache files' names (each build writes the entry anew). */
  const checkout = `-${hashOf(bundleDir)}-`;
  const build = `${checkout}${Math.trunc(fs.statSync(entryFile).mtimeMs)}-`;
  /** Files compiled without a usable cache: theirs is written at exit. */
  const fresh = [];
  const plainCjs = Module._extensions['.cjs'] ?? Module._extensions['.js'];
  Module._extensions['.cjs'] = function loadChunk(module, filename) {
    if (!filename.startsWith(prefix)) return plainCjs(module, filename);
    const source = fs.readFileSync(filename, 'utf8');
    const stat = fs.statSync(filename);
    const name = `${path.relative(bundleDir, filename).replace(/[\\/]/g, '_')}${build}${stat.size}-${Math.trunc(stat.mtimeMs)}.bin`;
    let cachedData;
    try {
      // Only under a mark of this run (see markRunning).
      if (mark) cachedData = fs.readFileSync(path.join(cacheDir, name));
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(source), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ script, name });
    // What Node's loader hands a CommonJS module (require with resolve, cache and main).
    const require = (id) => module.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
    require.main = mainModule;
    require.cache = Module._cache;
    script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
  process.once('exit', (code) => {
    // Only a command that succeeded leaves a cache (not a typo of a command word, nor an error's path).
    if (code === 0 && fresh.length) writeCaches(cacheDir, fresh, (old) => old.includes(checkout) && !old.includes(build));
    // Last: a run that dies while writing leaves its mark, and the next drops what it half wrote.
    if (mark) fs.rmSync(mark, { force: true });
  });
}

/** Writes the new caches; `stale` tells this checkout's caches of earlier builds, which go. */
function writeCaches(cacheDir, fresh, stale) {
  let present;
  try {
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    present = fs.readdirSync(cacheDir);
  } catch {
    return; // no cache directory: compiling as usual next time
  }
  for (const old of present) if (stale(old)) fs.rmSync(path.join(cacheDir, old), { force: true });
  for (const { script, name } of fresh) {
    const file = path.join(cacheDir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, file);
    } catch {
      fs.rmSync(temporary, { force: true }); // (another command may have just renamed its own copy over it)
    }
  }
}

module.exports = { useCodeCache };
