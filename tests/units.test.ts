/** Unit recognition and the unit catalog, as edge-case tables of invented sentences. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Article } from '../src/schema.ts';
import { UNIT_KINDS, buildCatalog, catalog, unitInfo, unitKind, unitSlug, unitSlugs } from '../src/units/catalog.ts';
import { recognizeUnits } from '../src/units/recognize.ts';

type Input = Pick<Article, 'title' | 'dateline' | 'summary' | 'body'>;

/** An article whose lead is `lead`, followed by `more` paragraphs; the body repeats the lead as the parser does. */
function article(lead: string, { title = '', dateline = null as string | null, more = [] as string[] } = {}): Input {
  return {
    title,
    dateline,
    summary: lead,
    body: [dateline ? `${dateline} – ${lead}` : lead, ...more].map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

describe('recognizeUnits: units named in full', () => {
  const cases: Array<[string, string[]]> = [
    // Numbered formations, with the arm or an old prefix between head and number.
    ['Sư đoàn 316 tổ chức hội thao.', ['Sư đoàn 316']],
    ['Lữ đoàn Công binh 543 vượt sông.', ['Lữ đoàn 543']],
    ['Bia tưởng niệm Trung đoàn BB98 được trùng tu.', ['Trung đoàn 98']],
    ['Năm 1951, Đại đoàn 316 ra đời.', ['Sư đoàn 316']],
    ['Tiểu đoàn 7, Trung đoàn 148 luyện tập.', ['Tiểu đoàn 7', 'Trung đoàn 148']],
    ['Đại đội 2 trực sẵn sàng chiến đấu.', ['Đại đội 2']],
    ['Quân đoàn 12 và Quân khu 1 phối hợp.', ['Quân đoàn 12', 'Quân khu 1']],
    ['Chiến sĩ trung đoàn 98 hành quân.', ['Trung đoàn 98']],
    // Lists of numbers: an item ends where a number ends, so a count is not a unit.
    ['Hội thao có các Sư đoàn 316, 355 và 395.', ['Sư đoàn 316', 'Sư đoàn 355', 'Sư đoàn 395']],
    ['Trung đoàn 98, 148 và 174.', ['Trung đoàn 98', 'Trung đoàn 148', 'Trung đoàn 174']],
    ['Tiểu đoàn 3 và 12 cá nhân được khen.', ['Tiểu đoàn 3']],
    ['Trung đoàn 98 (16/7/1946) ra mắt.', ['Trung đoàn 98']],
    // Economic–defence groups in every spelling.
    ['Đoàn Kinh tế – Quốc phòng 356 giúp dân.', ['Đoàn KT-QP 356']],
    ['Đoàn Kinh tế - Quốc phòng (KTQP) 379 và Đoàn KTQP 345.', ['Đoàn KT-QP 379', 'Đoàn KT-QP 345']],
    ['Đoàn KT - QP 356 trồng chè.', ['Đoàn KT-QP 356']],
    // Provincial and district commands, places as printed with canonical tone marks and capitals.
    ['Bộ Chỉ huy Quân sự tỉnh Hà Giang tổ chức diễn tập.', ['Bộ CHQS tỉnh Hà Giang']],
    ['Bộ CHQS thành phố Hải Phòng và Bộ CHQS TP. Cần Thơ.', ['Bộ CHQS thành phố Hải Phòng', 'Bộ CHQS thành phố Cần Thơ']],
    ['Ban CHQS huyện Hàm yên, Yên Sơn và Ban CHQS thành phố Tuyên Quang.', ['Ban CHQS huyện Hàm Yên', 'Ban CHQS huyện Yên Sơn', 'Ban CHQS thành phố Tuyên Quang']],
    ['Ban Chỉ huy Quân sự huyện Quảng Hoà ra quân.', ['Ban CHQS huyện Quảng Hòa']],
    ['Ban CHQS các huyện Mường Tè, Sìn Hồ và Phong Thổ, Trung đoàn 852 dự.', ['Ban CHQS huyện Mường Tè', 'Ban CHQS huyện Sìn Hồ', 'Ban CHQS huyện Phong Thổ', 'Trung đoàn 852']],
    ['Ban CHQS huyện Bảo Yên, tỉnh Lào Cai giao quân.', ['Ban CHQS huyện Bảo Yên']],
    ['Bộ CHQS các tỉnh Sơn La, Điện Biên và Lai Châu.', ['Bộ CHQS tỉnh Sơn La', 'Bộ CHQS tỉnh Điện Biên', 'Bộ CHQS tỉnh Lai Châu']],
    ['Chỉ huy trưởng Bộ CHQS tỉnh Yên Bái Đại tá Hoàng Văn Minh phát biểu.', ['Bộ CHQS tỉnh Yên Bái']],
    ['Chỉ huy trưởng Bộ CHQS tỉnh Sơn La, Đồng chí Lò Văn Phấn dự.', ['Bộ CHQS tỉnh Sơn La']],
    ['Bộ CHQS tỉnh Bà Rịa – Vũng Tàu huấn luyện.', ['Bộ CHQS tỉnh Bà Rịa – Vũng Tàu']],
    ['Bộ CHQS tỉnh Bà Rịa-Vũng Tàu và Ban CHQS thành phố Phan Rang - Tháp Chàm.', ['Bộ CHQS tỉnh Bà Rịa – Vũng Tàu', 'Ban CHQS thành phố Phan Rang – Tháp Chàm']],
    // A dash ends any other place: what follows it is the rest of a title or a second unit.
    ['Bộ CHQS tỉnh Yên Bái – Vững vàng nơi tuyến đầu.', ['Bộ CHQS tỉnh Yên Bái']],
    ['Ban CHQS huyện Bắc Mê - Điểm sáng dân vận.', ['Ban CHQS huyện Bắc Mê']],
    ['Bộ CHQS tỉnh Sơn La - Đồn Biên phòng Chiềng Khương phối hợp.', ['Bộ CHQS tỉnh Sơn La', 'Đồn Biên phòng Chiềng Khương']],
    ['Bộ Chỉ huy Quân sự (CHQS) tỉnh Hà Giang và Bộ đội Biên phòng (BĐBP) tỉnh Lào Cai.', ['Bộ CHQS tỉnh Hà Giang', 'BĐBP tỉnh Lào Cai']],
    // A military Party committee names the command it leads.
    ['Đảng ủy Quân sự tỉnh Sơn La và Đảng uỷ Quân sự huyện Mường La họp.', ['Bộ CHQS tỉnh Sơn La', 'Ban CHQS huyện Mường La']],
    ['Đại hội Đảng bộ Quân sự tỉnh Điện Biên.', ['Bộ CHQS tỉnh Điện Biên']],
    // Border guards.
    ['Bộ đội Biên phòng tỉnh Lào Cai, Bộ Chỉ huy BĐBP tỉnh Hà Giang họp.', ['BĐBP tỉnh Lào Cai', 'BĐBP tỉnh Hà Giang']],
    ['Đồn Biên phòng Lũng Cú (BĐBP tỉnh Hà Giang) tuần tra.', ['Đồn Biên phòng Lũng Cú', 'BĐBP tỉnh Hà Giang']],
    ['Cán bộ đồn Biên phòng Cửa khẩu Quốc tế Lào Cai kiểm tra.', ['Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai']],
    // Agencies, schools, hospitals, museums, depots, workshops, teams.
    ['Cục Hậu cần - Kỹ thuật Quân khu 2 và Bộ Tham mưu Quân khu 2 giao ban.', ['Cục Hậu cần – Kỹ thuật Quân khu 2', 'Bộ Tham mưu Quân khu 2']],
    ['Cục Chính trị Quân đoàn 12 hướng dẫn.', ['Cục Chính trị Quân đoàn 12']],
    ['Cục Kỹ thuật QK2 kiểm tra.', ['Cục Kỹ thuật Quân khu 2']],
    ['Tổng Cục Kỹ thuật và Tổng cục Hậu cần kiểm tra.', ['Tổng cục Kỹ thuật', 'Tổng cục Hậu cần']],
    ['Lữ đoàn 96 (Binh chủng Pháo binh) bắn đạn thật.', ['Lữ đoàn 96', 'Binh chủng Pháo binh']],
    ['Quân chủng Phòng không - Không quân diễn tập.', ['Quân chủng Phòng không – Không quân']],
    ['Trường Quân sự Quân khu 2 và Trường Quân sự tỉnh Phú Thọ khai giảng.', ['Trường Quân sự Quân khu 2', 'Trường Quân sự tỉnh Phú Thọ']],
    ['Bệnh viện Quân y 109 khám bệnh.', ['Bệnh viện Quân y 109']],
    ['Bảo tàng Quân khu 2 đón khách.', ['Bảo tàng Quân khu 2']],
    ['Kho K3, Kho 706, Xưởng X81 và Đội K91.', ['Kho K3', 'Kho 706', 'Xưởng X81', 'Đội K91']],
    ['Học viện Quốc phòng và Trường Sỹ quan Lục quân 1.', ['Học viện Quốc phòng', 'Trường Sĩ quan Lục quân 1']],
    ['Binh đoàn 15 và Bộ Tư lệnh Bộ đội Biên phòng, Tổng cục II.', ['Binh đoàn 15', 'Bộ Tư lệnh Bộ đội Biên phòng', 'Tổng cục Tình báo']],
    // The region in abbreviation, but not the dateline and not the newspaper.
    ['Bộ Tư lệnh QK2 giao nhiệm vụ.', ['Quân khu 2']],
    ['Báo QK7 và Báo Quân khu 7 đưa tin.', []],
    // One unit, however many spellings.
    ['Sư đoàn 316, sư đoàn 316 và Đại đoàn 316.', ['Sư đoàn 316']],
  ];
  for (const [sentence, expected] of cases) {
    test(sentence, () => assert.deepEqual(recognizeUnits(article(sentence)), expected));
  }
});

describe('recognizeUnits: what is not a unit', () => {
  const cases: string[] = [
    'Bộ Chính trị, Ban Bí thư và Quân ủy Trung ương ban hành chỉ thị.',
    'Ủy ban nhân dân tỉnh và Hội đồng nhân dân huyện họp.',
    'Phong trào thi đua Quyết thắng, Cuộc vận động 50 và Chỉ thị 53 được quán triệt.',
    'Các trung đoàn, sư đoàn và các đơn vị hoàn thành nhiệm vụ.',
    'Đội sản xuất, Đội pháo lễ và đoàn công tác xuống cơ sở.',
    'Đại đội Công binh, Đại đội thiết giáp và Trung đội Thông tin được kiểm tra.',
    'Chi bộ Kho đạn Hải Vân sinh hoạt.',
    'Ban CHQS các huyện, thị xã, thành phố tổ chức giao quân.',
    'Bộ đội Biên phòng Việt Nam và Quân đội nhân dân.',
    'Hơn 3 trung đoàn và 20 tiểu đoàn tham gia.',
  ];
  for (const sentence of cases) {
    test(sentence, () => assert.deepEqual(recognizeUnits(article(sentence, { dateline: 'QK2' })), []));
  }
});

describe('recognizeUnits: a place-named unit needs a real place', () => {
  const cases: Array<[string, string[]]> = [
    // Coordinated names never lend their head to an organisation that follows.
    ['Bộ CHQS tỉnh Lai Châu và Ban Tuyên giáo Tỉnh ủy Lai Châu phối hợp tổ chức.', ['Bộ CHQS tỉnh Lai Châu']],
    ['Bộ CHQS tỉnh Điện Biên, Sở Giáo dục và Đào tạo tỉnh ký kết.', ['Bộ CHQS tỉnh Điện Biên']],
    ['Bộ đội Biên phòng tỉnh Hà Giang và Hội Liên hiệp Phụ nữ tỉnh ra mắt mô hình.', ['BĐBP tỉnh Hà Giang']],
    ['Ban CHQS huyện Mường Tè và Hội Cựu chiến binh huyện tặng quà.', ['Ban CHQS huyện Mường Tè']],
    ['Ban CHQS thành phố Điện Biên Phủ và Ban Dân vận Thành ủy gặp mặt.', ['Ban CHQS thành phố Điện Biên Phủ']],
    ['Ban CHQS huyện Sìn Hồ, Đoàn Thanh niên và Công an huyện dự.', ['Ban CHQS huyện Sìn Hồ']],
    ['Ban CHQS huyện Phong Thổ và Báo Lai Châu tuyên truyền.', ['Ban CHQS huyện Phong Thổ']],
    // … but a list of real places goes on.
    ['Bộ CHQS tỉnh Hà Giang và Tuyên Quang phối hợp.', ['Bộ CHQS tỉnh Hà Giang', 'Bộ CHQS tỉnh Tuyên Quang']],
    ['Ban CHQS các huyện Sơn Dương, Sìn Hồ, Bắc Hà giao quân.', ['Ban CHQS huyện Sơn Dương', 'Ban CHQS huyện Sìn Hồ', 'Ban CHQS huyện Bắc Hà']],
    // A province-level name must be a province: of 2025, of before, or a former one.
    ['Bộ CHQS tỉnh Tuyên Giáo.', []],
    ['Bộ CHQS tỉnh Hoà Bình và Bộ CHQS thành phố Huế.', ['Bộ CHQS tỉnh Hòa Bình', 'Bộ CHQS thành phố Huế']],
    ['Bộ CHQS tỉnh Hà Tây và Hà Sơn Bình, Bộ CHQS tỉnh Vĩnh Phú.', ['Bộ CHQS tỉnh Hà Tây', 'Bộ CHQS tỉnh Hà Sơn Bình', 'Bộ CHQS tỉnh Vĩnh Phú']],
    ['Bộ CHQS tỉnh Gia Lai - Kon Tum và Bộ CHQS tỉnh Thừa Thiên – Huế.', ['Bộ CHQS tỉnh Gia Lai – Kon Tum', 'Bộ CHQS tỉnh Thừa Thiên Huế']],
    ['Bộ CHQS tỉnh Đăk Lăk huấn luyện.', ['Bộ CHQS tỉnh Đắk Lắk']],
    // The place ends where a person's name begins.
    ['Chỉ huy trưởng Bộ CHQS tỉnh Lai Châu Lò Văn Hưng phát biểu.', ['Bộ CHQS tỉnh Lai Châu']],
    ['Chỉ huy trưởng Ban CHQS huyện Bát Xát Nguyễn Văn Hùng phát biểu.', ['Ban CHQS huyện Bát Xát']],
    ['Đồn trưởng Đồn Biên phòng Lũng Cú Nguyễn Văn An kiểm tra.', ['Đồn Biên phòng Lũng Cú']],
    // A province after districts, with no level of its own, is their address.
    ['Ban CHQS huyện Mường Tè, Lai Châu giao quân.', ['Ban CHQS huyện Mường Tè']],
    ['Ban CHQS huyện Bảo Yên, thành phố Lào Cai giao quân.', ['Ban CHQS huyện Bảo Yên', 'Ban CHQS thành phố Lào Cai']],
  ];
  for (const [sentence, expected] of cases) {
    test(sentence, () => assert.deepEqual(recognizeUnits(article(sentence)), expected));
  }
});

describe('recognizeUnits: names the article completes', () => {
  const cases: Array<[string, { title?: string; dateline?: string | null; more?: string[] }, string[]]> = [
    // A Quân khu without its number is the dateline's region, when spoken of as an organisation.
    ['Bộ Tư lệnh Quân khu tổ chức hội nghị.', { dateline: 'QK2' }, ['Quân khu 2']],
    ['Bộ Tư lệnh Quân khu tổ chức hội nghị.', { dateline: 'QK7 Online' }, ['Quân khu 7']],
    ['Đảng ủy Cục Chính trị Quân khu tổ chức hội nghị.', { dateline: 'QK7 Online' }, ['Cục Chính trị Quân khu 7']],
    ['Thủ trưởng BTL Quân khu dự.', { dateline: 'QK7 Online' }, ['Quân khu 7']],
    ['Ban Thường vụ Đảng ủy Quân khu ra chỉ thị.', { dateline: 'Qk2' }, ['Quân khu 2']],
    ['Quân khu ủy họp phiên đầu tiên.', { dateline: 'QK2' }, ['Quân khu 2']],
    // … but not through a person's title, an inspection team or a place.
    ['Đại tá Lê Văn An, Phó Tư lệnh Quân khu kiểm tra.', { dateline: 'QK2' }, []],
    ['Đoàn kiểm tra Quân khu làm việc tại Quân khu.', { dateline: 'QK2' }, []],
    ['Quân khu kiểm tra toàn diện Lữ đoàn 297.', { title: 'Quân khu kiểm tra Lữ đoàn 297', dateline: 'QK2' }, ['Lữ đoàn 297']],
    // … and never without a region.
    ['Bộ Tư lệnh Quân khu tổ chức hội nghị.', {}, []],
    // A region the article names is the region, when there is no dateline.
    ['Đảng ủy Quân khu 4 và Bộ Tư lệnh Quân khu giao ban.', {}, ['Quân khu 4']],
    // An agency without its number counts when the article is about it or its Party organisation.
    ['Cục Kỹ thuật Quân khu bảo đảm kỹ thuật.', { dateline: 'QK2', title: 'Đảng bộ Cục Kỹ thuật vững mạnh' }, ['Cục Kỹ thuật Quân khu 2']],
    ['Đảng ủy Cục Chính trị Quân khu họp.', { dateline: 'QK2' }, ['Cục Chính trị Quân khu 2']],
    ['Cục Hậu cần và Cục Kỹ thuật Quân khu kiểm tra Bộ CHQS tỉnh Lào Cai.', { dateline: 'QK2' }, ['Bộ CHQS tỉnh Lào Cai']],
    ['Xưởng X81 Cục Kỹ thuật Quân khu sửa chữa xe.', { dateline: 'QK3 Online' }, ['Xưởng X81']],
    ['Ban Thường vụ Đảng ủy Cục Kỹ thuật ra chỉ thị cho Kho K1.', {}, ['Cục Kỹ thuật', 'Kho K1']],
    ['Đảng ủy Cục Kỹ thuật lãnh đạo.', { more: ['Cục Kỹ thuật Quân khu 2 được khen thưởng.'] }, ['Cục Kỹ thuật Quân khu 2']],
    // A former designation is the present unit only beside its present name.
    ['Trung đoàn 1 được thành lập năm 1946.', {}, ['Trung đoàn 1']],
    ['Trung đoàn 1 (nay là Trung đoàn 98) được thành lập.', {}, ['Trung đoàn 98']],
  ];
  for (const [lead, options, expected] of cases) {
    test(`${options.dateline ?? 'no dateline'} | ${options.title ?? ''} | ${lead}`, () =>
      assert.deepEqual(recognizeUnits(article(lead, options)), expected));
  }
});

describe('recognizeUnits: the primary unit first', () => {
  test('the title names the primary unit even when the lead names another first', () => {
    const input = article('Lữ đoàn 297 và Sư đoàn 355 phối hợp.', { title: 'Sư đoàn 355 tổ chức hội thao' });
    assert.deepEqual(recognizeUnits(input), ['Sư đoàn 355', 'Lữ đoàn 297']);
  });
  test('without a unit in the title, the lead decides, then the order of first mention', () => {
    const input = article('Kho K1 bảo quản tốt vũ khí.', { title: 'Hiệu quả từ mô hình điểm', more: ['Quân khu 4 khen thưởng.'] });
    assert.deepEqual(recognizeUnits(input), ['Kho K1', 'Quân khu 4']);
  });
  test('a mirror prefix in the title names the site, not the subject', () => {
    const input = article('Sư đoàn 316 dâng hương.', { title: 'Quân khu 2 – Sư đoàn 316 dâng hương tại Vị Xuyên' });
    assert.deepEqual(recognizeUnits(input), ['Sư đoàn 316', 'Quân khu 2']);
  });
  test('a dash in the title ends the place of the unit before it', () => {
    const input = article('Bộ CHQS tỉnh Tuyên Quang triển khai nhiệm vụ năm mới.', {
      title: 'Bộ CHQS tỉnh Tuyên Quang – Vững bước trên chặng đường mới',
      dateline: 'QK2',
    });
    assert.deepEqual(recognizeUnits(input), ['Bộ CHQS tỉnh Tuyên Quang']);
  });
  test('a bare head in the title stands for the unit of that kind the article names', () => {
    const input = article('Lữ đoàn 297 cùng Sư đoàn 355 diễn tập.', { title: 'Sư đoàn tổ chức diễn tập' });
    assert.deepEqual(recognizeUnits(input), ['Sư đoàn 355', 'Lữ đoàn 297']);
  });
  test('a caption before the lead does not outrank the lead', () => {
    const input: Input = {
      title: 'Huấn luyện chiến sĩ mới',
      dateline: 'QK2',
      summary: 'Trung đoàn 148 ra quân huấn luyện.',
      body: [
        { kind: 'caption', text: 'Chỉ huy Sư đoàn 316 kiểm tra.' },
        { kind: 'paragraph', text: 'QK2 – Trung đoàn 148 ra quân huấn luyện.' },
      ],
    };
    assert.deepEqual(recognizeUnits(input), ['Trung đoàn 148', 'Sư đoàn 316']);
  });
  test('the same article always gives the same answer (no state between calls)', () => {
    const a = article('Bộ Tư lệnh Quân khu giao nhiệm vụ cho Sư đoàn 316.', { dateline: 'QK2' });
    const b = article('Trung đoàn 1 ra đời.', {});
    const first = recognizeUnits(a);
    recognizeUnits(b);
    assert.deepEqual(recognizeUnits(a), first);
    assert.deepEqual(first, ['Quân khu 2', 'Sư đoàn 316']);
  });
});

describe('catalog', () => {
  test('kinds run from the largest formation down', () => {
    const order = UNIT_KINDS.map((k) => k.id);
    const at = (id: string): number => order.indexOf(id as (typeof order)[number]);
    assert.ok(at('quan-khu') < at('su-doan') && at('su-doan') < at('trung-doan') && at('trung-doan') < at('dai-doi'));
    assert.ok(at('bo-chqs') < at('ban-chqs') && at('bdbp') < at('don-bien-phong'));
    assert.equal(order[order.length - 1], 'khac');
    assert.equal(new Set(order).size, order.length);
  });

  const infos: Array<[string, Partial<ReturnType<typeof unitInfo>>]> = [
    ['Trung đoàn 98', { kind: 'trung-doan', kindLabel: 'Trung đoàn', parent: 'Sư đoàn 316', slug: 'trung-doan-98' }],
    ['Sư đoàn 316', { kind: 'su-doan', parent: 'Quân khu 2' }],
    ['Đại đoàn 316', { name: 'Sư đoàn 316' }],
    ['Cục Kỹ thuật Quân khu 7', { kind: 'cuc', parent: 'Quân khu 7', slug: 'cuc-ky-thuat-quan-khu-7' }],
    ['Đoàn KT-QP 356', { kind: 'doan-kt-qp', parent: 'Quân khu 2', slug: 'doan-kt-qp-356' }],
    ['Ban CHQS huyện Quảng Hoà', { name: 'Ban CHQS huyện Quảng Hòa', kind: 'ban-chqs', parent: null }],
    ['Đồn Biên phòng Săm Pun', { kind: 'don-bien-phong', parent: null, slug: 'don-bien-phong-sam-pun' }],
    ['Học viện Quốc phòng', { kind: 'hoc-vien' }],
    ['Nhà khách Quân khu', { kind: 'khac', kindLabel: 'Đơn vị khác' }],
  ];
  for (const [name, expected] of infos) {
    test(`unitInfo(${name})`, () => {
      const info = unitInfo(name);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(info[key as keyof typeof info], value, key);
    });
  }

  test('every parent in units.json is itself a unit there, and parents never loop', () => {
    for (const entry of catalog.entries.values()) {
      const seen = new Set<string>([entry.name]);
      for (let parent = entry.parent; parent !== undefined; parent = catalog.entries.get(parent)?.parent) {
        assert.ok(catalog.entries.has(parent), `${entry.name} → ${parent}: not in units.json`);
        assert.ok(!seen.has(parent), `${entry.name}: parents loop at ${parent}`);
        seen.add(parent);
      }
    }
  });

  test('every unit in units.json has a kind', () => {
    for (const name of catalog.entries.keys()) assert.notEqual(unitKind(name), 'khac', name);
  });

  test('every name and alias in units.json is recognised as its unit', () => {
    for (const entry of catalog.entries.values()) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) {
        assert.deepEqual(recognizeUnits(article(`Hôm nay, ${name} tổ chức hội nghị.`)), [entry.name], name);
      }
    }
  });

  test('unitSlug derives from the canonical name', () => {
    assert.equal(unitSlug('Bộ CHQS tỉnh Hà Giang'), 'bo-chqs-tinh-ha-giang');
    assert.equal(unitSlug('Đoàn KT-QP 356'), 'doan-kt-qp-356');
  });

  test('unitSlugs never collide, whatever the order the names arrive in', () => {
    const names = ['Đồn Biên phòng Sà Phìn', 'Đồn Biên phòng Sa Phìn', 'Sư đoàn 316'];
    const forward = unitSlugs(names);
    const backward = unitSlugs([...names].reverse());
    assert.deepEqual([...forward].sort(), [...backward].sort());
    assert.equal(new Set(forward.values()).size, 3);
    assert.equal(forward.get('Đồn Biên phòng Sa Phìn'), 'don-bien-phong-sa-phin');
    assert.match(forward.get('Đồn Biên phòng Sà Phìn')!, /^don-bien-phong-sa-phin-[0-9a-z]{6}$/);
    assert.equal(forward.get('Sư đoàn 316'), 'su-doan-316');
  });

  test('an ambiguous catalog is refused', () => {
    assert.throws(() => buildCatalog([{ name: 'Sư đoàn 316' }, { name: 'Sư đoàn 316' }]), /listed twice/);
    assert.throws(
      () => buildCatalog([{ name: 'Sư đoàn 316', aliases: ['Đại đoàn 316'] }, { name: 'Sư đoàn 3', aliases: ['Đại đoàn 316'] }]),
      /names both/,
    );
  });
});
