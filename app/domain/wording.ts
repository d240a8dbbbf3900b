// Why: counts shown to people read as English ("1 gap", "5 gaps"), decided in one place rather than at each count.

/** "1 gap", "0 gaps", "5 gaps"; `many` for irregular plurals ("criterion", "criteria"). */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
