// The Korean application menu: only what a desk user needs (quit, clipboard editing, zoom,
// full screen), plus developer tools in unpackaged builds. Roles keep the OS shortcuts.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: { platform: NodeJS.Platform; packaged: boolean; appName: string }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about', label: `${opts.appName} 정보` },
        { type: 'separator' },
        { role: 'hide', label: `${opts.appName} 가리기` },
        { role: 'hideOthers', label: '기타 가리기' },
        { role: 'unhide', label: '모두 보기' },
        { type: 'separator' },
        { role: 'quit', label: `${opts.appName} 종료` },
      ],
    });
  } else {
    template.push({ label: '파일', submenu: [{ role: 'quit', label: '종료' }] });
  }
  template.push({
    label: '편집',
    submenu: [
      { role: 'undo', label: '실행 취소' },
      { role: 'redo', label: '다시 실행' },
      { type: 'separator' },
      { role: 'cut', label: '잘라내기' },
      { role: 'copy', label: '복사' },
      { role: 'paste', label: '붙여넣기' },
      { role: 'selectAll', label: '모두 선택' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '실제 크기' },
    { role: 'zoomIn', label: '확대' },
    { role: 'zoomOut', label: '축소' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '전체 화면' },
  ];
  if (!opts.packaged) view.push({ type: 'separator' }, { role: 'reload', label: '새로 고침' }, { role: 'toggleDevTools', label: '개발자 도구' });
  template.push({ label: '보기', submenu: view });
  template.push({ role: 'windowMenu', label: '창', submenu: [{ role: 'minimize', label: '최소화' }, { role: 'close', label: '닫기' }] });
  return template;
}
