import type { Locale } from '../../demos/course/plan'

/** Texts of the exercise blocks, the sidebar progress and the homework download. */
const en = {
  check: 'Check my code',
  stop: 'Stop',
  reset: 'Start over',
  showSolution: 'Show solution',
  hideSolution: 'Hide solution',
  useSolution: 'Put the solution in the editor',
  exportPng: 'Export PNG',
  loadingCode: 'The editor loads with JavaScript; this is the starter code:',
  yourCode: 'Your code (the editor is still loading):',
  flameTitle: 'Your call tree as a flame graph: use its Export PNG for the homework zip.',
  flameLabel: 'your spans: width = wall-clock time',
  pngSaved: 'PNG saved for the homework zip.',
  checks: 'Checks',
  pass: 'passed',
  fail: 'failed',
  unmeasured: 'could not measure',
  hint: 'Hint:',
  passedAll: 'All checks passed. Saved in this browser.',
  failedSome: (n: number) => (n === 1 ? '1 check failed. Read the hint, change the code and check again.' : `${n} checks failed. Read the hints, change the code and check again.`),
  didNotRun: 'did not run (the code stopped before the checks: see the output)',
  running: 'checking…',
  progress: 'Exercises',
  progressTitle: 'Exercises passed in this browser, per section',
  download: 'Download my homework (.zip)',
  downloadNote: (ex: number, png: number) => `${ex} exercise result(s) and ${png} PNG(s) will go in the zip.`,
}

const zh: typeof en = {
  check: '检查我的代码',
  stop: '停止',
  reset: '重新开始',
  showSolution: '查看参考答案',
  hideSolution: '隐藏参考答案',
  useSolution: '把参考答案放进编辑器',
  exportPng: '导出 PNG',
  loadingCode: '编辑器需要 JavaScript 才能加载；下面是起始代码：',
  yourCode: '你的代码（编辑器仍在加载）：',
  flameTitle: '你的调用树画成的火焰图：用它的“导出 PNG”放进作业压缩包。',
  flameLabel: '你的 span：宽度 = 实际经过的时间',
  pngSaved: 'PNG 已保存，会放进作业压缩包。',
  checks: '检查项',
  pass: '通过',
  fail: '未通过',
  unmeasured: '无法测量',
  hint: '提示：',
  passedAll: '全部检查通过，已保存在本浏览器中。',
  failedSome: (n: number) => `${n} 项检查未通过。看看提示，修改代码后再检查一次。`,
  didNotRun: '没有运行（代码在检查之前就停止了，请看输出）',
  running: '检查中…',
  progress: '练习',
  progressTitle: '本浏览器中各节已通过的练习',
  download: '下载我的作业（.zip）',
  downloadNote: (ex: number, png: number) => `压缩包里将有 ${ex} 份练习结果和 ${png} 张 PNG。`,
}

export type ExerciseTexts = typeof en

export function exerciseTexts(locale: Locale): ExerciseTexts {
  return locale === 'zh' ? zh : en
}
