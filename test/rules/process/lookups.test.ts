import { checklistForStage, findChecklist, findField } from '../../../rules';
import { loadDefaultRules, STAGE } from '../default-rules';

const config = loadDefaultRules();

describe('checklistForStage', () => {
  it('gives «Запуск» with its four items for «Выдача доступов»', () => {
    expect(checklistForStage(config, STAGE.access)).toEqual({
      name: 'Запуск',
      items: ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту'],
    });
  });

  it('gives «Регистрация клиента» with its five places for «Регистрация в учёте»', () => {
    expect(checklistForStage(config, STAGE.accounting)).toEqual({
      name: 'Регистрация клиента',
      items: ['Биллинг', 'Учётная система', 'Роялти за стороннее ПО', 'CRM', 'Список клиентов'],
    });
  });

  it.each([STAGE.request, STAGE.connection, 'Архив'])('gives nothing for %s', (list) => {
    expect(checklistForStage(config, list)).toBeUndefined();
  });
});

describe('findField and findChecklist', () => {
  it('find a field by key and a checklist by name', () => {
    expect(findField(config, 'org.inn')?.type).toBe('inn');
    expect(findChecklist(config, 'запуск')?.items).toHaveLength(4);
    expect(findField(config, 'org.innn')).toBeUndefined();
  });
});
