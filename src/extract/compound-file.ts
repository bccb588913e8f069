/**
 * Checks the structure of a legacy Word file (an OLE compound file) before word-extractor reads it.
 * word-extractor follows sector chains and the directory tree without bounds: it stops only on a
 * chain that points at itself, so a chain 1→2→1 grows an array until the heap is gone, and a
 * directory tree whose entries point back at each other recurses forever. Here every chain it will
 * follow is walked once with a visited set, every sector number must lie inside the file, and the
 * sizes it allocates from (sector size, table counts) must fit the file.
 */
import { InputError } from '../model/issues.js';

const HEADER_BYTES = 512;
const DIRECTORY_ENTRY_BYTES = 128;
/** Header slots for the first FAT sectors; more are listed in DIFAT sectors. */
const HEADER_DIFAT_SLOTS = 109;
const NO_STREAM = -1;
const ROOT_ENTRY = 5;
const STORAGE_ENTRY = 1;
const STREAM_ENTRY = 2;

function corrupt(message: string): InputError {
  return new InputError('doc_corrupt', `the Word .doc file is damaged: ${message}`);
}

/** The sectors of a chain from `start`, each once; throws on a loop or a sector outside the table. */
function chain(table: Int32Array, start: number, what: string): number[] {
  const sectors: number[] = [];
  const seen = new Set<number>();
  // Negative numbers end a chain (free, end of chain, FAT and DIFAT marks), as word-extractor reads them.
  for (let sector = start; sector >= 0; sector = table[sector] ?? -2) {
    if (sector >= table.length) throw corrupt(`the ${what} chain points at sector ${sector}, past the allocation table's ${table.length}`);
    if (seen.has(sector)) throw corrupt(`the ${what} chain loops back to sector ${sector}`);
    seen.add(sector);
    sectors.push(sector);
  }
  return sectors;
}

/** Throws doc_corrupt unless word-extractor can follow every chain and the directory tree of the file in bounded time and memory. */
export function checkCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < HEADER_BYTES) throw corrupt('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt(`sector sizes 2^${sectorShift} and 2^${miniShift} are not those of a compound file`);
  const sectorSize = 1 << sectorShift;
  const sectorsInFile = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const perSector = sectorSize / 4;
  const fatCount = view.getInt32(44, true);
  const miniFatCount = view.getInt32(64, true);
  const difatCount = view.getInt32(72, true);
  for (const [count, what] of [[fatCount, 'FAT'], [miniFatCount, 'mini FAT'], [difatCount, 'DIFAT']] as const) {
    if (count < 0 || count > sectorsInFile) throw corrupt(`${count} ${what} sectors in a file of ${sectorsInFile}`);
  }
  const sectorAt = (sector: number, what: string): Int32Array => {
    if (sector < 0 || sector >= sectorsInFile) throw corrupt(`a ${what} sector ${sector} outside the file's ${sectorsInFile}`);
    const words = new Int32Array(perSector);
    const start = (sector + 1) * sectorSize;
    for (let i = 0; i < perSector && start + i * 4 + 4 <= bytes.length; i++) words[i] = view.getInt32(start + i * 4, true);
    return words;
  };

  // The FAT's own sectors: 109 in the header, the rest in a DIFAT chain (each sector's last word is the next).
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_DIFAT_SLOTS); i++) fatSectors.push(view.getInt32(76 + i * 4, true));
  if (fatCount > HEADER_DIFAT_SLOTS && difatCount > 0) {
    const seen = new Set<number>();
    let sector = view.getInt32(68, true);
    for (let i = 0; i < difatCount && fatSectors.length < fatCount; i++) {
      if (seen.has(sector)) throw corrupt(`the DIFAT chain loops back to sector ${sector}`);
      seen.add(sector);
      const words = sectorAt(sector, 'DIFAT');
      for (let w = 0; w < perSector - 1 && fatSectors.length < fatCount; w++) fatSectors.push(words[w] ?? -1);
      sector = words[perSector - 1] ?? -2;
    }
  }
  const fat = new Int32Array(fatSectors.length * perSector);
  fatSectors.forEach((sector, i) => fat.set(sectorAt(sector, 'FAT'), i * perSector));

  const miniFatSectors = chain(fat, view.getInt32(60, true), 'mini FAT');
  if (miniFatSectors.length !== miniFatCount) throw corrupt(`the mini FAT chain has ${miniFatSectors.length} sectors, the header says ${miniFatCount}`);
  const miniFat = new Int32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((sector, i) => miniFat.set(sectorAt(sector, 'mini FAT'), i * perSector));
  const miniCutoff = view.getInt32(56, true);

  // The directory: 128-byte entries in the sectors of its chain.
  const directorySectors = chain(fat, view.getInt32(48, true), 'directory');
  const entryCount = (directorySectors.length * sectorSize) / DIRECTORY_ENTRY_BYTES;
  const entryOffset = (id: number): number => {
    const sector = directorySectors[Math.floor((id * DIRECTORY_ENTRY_BYTES) / sectorSize)] ?? 0;
    return (sector + 1) * sectorSize + ((id * DIRECTORY_ENTRY_BYTES) % sectorSize);
  };
  const entry = (id: number): { type: number; left: number; right: number; child: number; start: number; size: number } => {
    const at = entryOffset(id);
    if (at + DIRECTORY_ENTRY_BYTES > bytes.length) throw corrupt(`directory entry ${id} lies past the end of the file`);
    return { type: view.getInt8(at + 66), left: view.getInt32(at + 68, true), right: view.getInt32(at + 72, true), child: view.getInt32(at + 76, true), start: view.getInt32(at + 116, true), size: view.getInt32(at + 120, true) };
  };
  let rootId = -1;
  for (let id = 0; id < entryCount && rootId < 0; id++) if (entry(id).type === ROOT_ENTRY) rootId = id;
  if (rootId < 0) throw corrupt('no root directory entry');
  const root = entry(rootId);
  chain(fat, root.start, 'mini stream');

  // Every entry reachable from the root, each once (a tree, as word-extractor walks it), and each stream's chain.
  const visited = new Set<number>([rootId]);
  const storages = [root];
  for (let storage = storages.pop(); storage; storage = storages.pop()) {
    const pending = storage.child === NO_STREAM ? [] : [storage.child];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (id < 0 || id >= entryCount) throw corrupt(`a directory link to entry ${id}, past the ${entryCount} entries`);
      if (visited.has(id)) throw corrupt(`the directory tree reaches entry ${id} twice`);
      visited.add(id);
      const node = entry(id);
      if (node.left !== NO_STREAM) pending.push(node.left);
      if (node.right !== NO_STREAM) pending.push(node.right);
      if (node.type === STORAGE_ENTRY) storages.push(node);
      if (node.type === STREAM_ENTRY) chain(node.size < miniCutoff ? miniFat : fat, node.start, `stream ${id}`);
    }
  }
}
